package vn.ktgs.discipline.cases;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.DenunciationConcluded;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;

import java.util.Set;

/** Opens a case (source DENUNCIATION) for each accused of a founded denunciation whose violations warrant discipline. */
@ApplicationScoped
public class DenunciationConcludedHandler implements EventHandler {
    private static final Set<String> OUTCOMES = Set.of("FOUNDED", "PARTLY_FOUNDED", "UNFOUNDED");
    private static final Set<String> SUBJECT_TYPES = Set.of("MEMBER", "ORG_UNIT");

    private final DisciplineCases cases;

    DenunciationConcludedHandler(DisciplineCases cases) {
        this.cases = cases;
    }

    @Override
    public String topic() {
        return Topics.COMPLAINTS;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!EventTypes.DENUNCIATION_CONCLUDED.equals(event.type())) {
            return;
        }
        DenunciationConcluded d = EventHandler.data(event, DenunciationConcluded.class);
        if (d.denunciationId() == null || d.handlingUnitId() == null || d.handlingBody() == null || !OUTCOMES.contains(d.outcome())
                || d.concludedOn() == null || d.accused() == null) {
            throw new InvalidEventException("denunciation.concluded without its id, handling body, outcome, date or accused");
        }
        for (DenunciationConcluded.Accused a : d.accused()) {
            if (!SUBJECT_TYPES.contains(a.type()) || a.orgUnitId() == null || a.name() == null
                    || ("MEMBER".equals(a.type()) && a.memberId() == null)
                    || (a.violations() != null && a.violations().stream().anyMatch(v -> v.act() == null || v.actFrom() == null
                    || (!v.continuing() && v.actTo() == null)))) {
                throw new InvalidEventException("denunciation.concluded with an accused without type, unit, name or act dates");
            }
        }
        cases.openFromDenunciation(d);
    }
}
