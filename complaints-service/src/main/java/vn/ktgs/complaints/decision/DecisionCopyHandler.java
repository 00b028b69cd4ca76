package vn.ktgs.complaints.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.DisciplineDecided;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;

/**
 * Keeps the decisions discipline-service announces ({@code discipline.decided}) and amends after appeals
 * ({@code discipline.amended}). Events of one case come in order (keyed by the case); an older event than the one
 * kept changes nothing, so a repeat is harmless.
 */
@ApplicationScoped
public class DecisionCopyHandler implements EventHandler {
    private final EntityManager em;

    DecisionCopyHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public String topic() {
        return Topics.DISCIPLINE;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!EventTypes.DISCIPLINE_DECIDED.equals(event.type()) && !EventTypes.DISCIPLINE_AMENDED.equals(event.type())) {
            return;
        }
        DisciplineDecided d = EventHandler.data(event, DisciplineDecided.class);
        if (d.caseId() == null || d.subjectType() == null || d.subjectOrgUnitId() == null || d.decidingUnitId() == null
                || d.decidingBody() == null || d.form() == null || d.decisionNumber() == null || d.decidedOn() == null
                || d.announcedOn() == null || d.ruleSetId() == null || event.time() == null) {
            throw new InvalidEventException("discipline decision without its case, subject, body, form, dates or rule set");
        }
        DecisionCopy c = em.find(DecisionCopy.class, d.caseId(), LockModeType.PESSIMISTIC_WRITE);
        if (c != null && c.changedAt.isAfter(event.time())) {
            return;
        }
        if (c == null) {
            c = new DecisionCopy();
            c.caseId = d.caseId();
        }
        c.subjectType = d.subjectType();
        c.subjectMemberId = d.subjectMemberId();
        c.subjectOrgUnitId = d.subjectOrgUnitId();
        c.decidingUnitId = d.decidingUnitId();
        c.decidingBody = d.decidingBody();
        c.form = d.form();
        c.decisionNumber = d.decisionNumber();
        c.decidedOn = d.decidedOn();
        c.announcedOn = d.announcedOn();
        c.effectUntil = d.effectUntil();
        c.appealWindowEnds = d.appealWindowEnds();
        c.ruleSetId = d.ruleSetId();
        c.amendment = d.amendment();
        c.changedAt = event.time();
        c.persist();
    }
}
