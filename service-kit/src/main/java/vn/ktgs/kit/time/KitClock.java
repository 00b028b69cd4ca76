package vn.ktgs.kit.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The suite's clock, in Vietnam's time zone whatever the host's (pods run in UTC, where "today" is
 * yesterday before 07:00). Inject {@link Clock} and use {@code LocalDate.now(clock)}; tests fix it with
 * {@code QuarkusMock.installMockForType(Clock.fixed(...), Clock.class)}.
 */
@ApplicationScoped
public class KitClock {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZONE);
    }
}
