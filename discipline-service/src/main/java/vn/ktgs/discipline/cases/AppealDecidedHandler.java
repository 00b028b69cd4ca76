package vn.ktgs.discipline.cases;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.AppealDecided;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;

/** Applies each appeal's decision from complaints-service to the discipline case it names. */
@ApplicationScoped
public class AppealDecidedHandler implements EventHandler {
    private final DisciplineCases cases;

    AppealDecidedHandler(DisciplineCases cases) {
        this.cases = cases;
    }

    @Override
    public String topic() {
        return Topics.COMPLAINTS;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!EventTypes.APPEAL_DECIDED.equals(event.type())) {
            return;
        }
        AppealDecided a = EventHandler.data(event, AppealDecided.class);
        if (a.appealId() == null || a.caseId() == null || a.outcome() == null || a.decidedOn() == null) {
            throw new InvalidEventException("appeal.decided without appealId, caseId, outcome or decidedOn");
        }
        cases.applyAppeal(a);
    }
}
