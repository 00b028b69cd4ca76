package vn.ktgs.discipline.cases;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ktgs.kit.tasks.PeriodicTask;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/** Ends, by itself, the effect of each decision whose 12 months have passed, and emits {@code discipline.effect-ended} for it. */
@ApplicationScoped
public class EffectEnding implements PeriodicTask {
    private final DisciplineCases cases;
    private final Clock clock;
    private final Duration every;
    private final int batch;

    EffectEnding(DisciplineCases cases, Clock clock, @ConfigProperty(name = "ktgs.discipline.effect-check", defaultValue = "1h") Duration every,
                 @ConfigProperty(name = "ktgs.discipline.effect-batch", defaultValue = "500") int batch) {
        this.cases = cases;
        this.clock = clock;
        this.every = every;
        this.batch = batch;
    }

    @Override
    public String name() {
        return "end of discipline effects";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        cases.endEffects(LocalDate.now(clock), batch);
    }
}
