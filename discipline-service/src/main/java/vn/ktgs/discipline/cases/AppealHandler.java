package vn.ktgs.discipline.cases;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.AppealDecided;
import vn.ktgs.events.AppealFiled;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;

/** Applies complaints-service's appeals to the discipline case each names: filed (the effect waits), then decided. */
@ApplicationScoped
public class AppealHandler implements EventHandler {
    private final DisciplineCases cases;

    AppealHandler(DisciplineCases cases) {
        this.cases = cases;
    }

    @Override
    public String topic() {
        return Topics.COMPLAINTS;
    }

    @Override
    public void handle(CloudEvent event) {
        if (EventTypes.APPEAL_FILED.equals(event.type())) {
            AppealFiled f = EventHandler.data(event, AppealFiled.class);
            if (f.appealId() == null || f.caseId() == null || f.receivedOn() == null) {
                throw new InvalidEventException("appeal.filed without appealId, caseId or receivedOn");
            }
            cases.appealFiled(f);
            return;
        }
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
