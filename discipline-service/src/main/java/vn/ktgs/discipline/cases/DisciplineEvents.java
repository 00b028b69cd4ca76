package vn.ktgs.discipline.cases;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.DisciplineDecided;
import vn.ktgs.events.DisciplineEffectEnded;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Origin;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.outbox.Outbox;

/** The case's events, written to the outbox in the transaction of the change they announce; key = case id. */
@ApplicationScoped
public class DisciplineEvents {
    private final Outbox outbox;

    DisciplineEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The decision was announced and took effect ({@code amendment} null), or an appeal changed it. */
    void decided(DisciplineCase c, String type, String amendment) {
        outbox.publish(Topics.DISCIPLINE, type, c.id.toString(), new DisciplineDecided(c.id, c.subjectType.name(), c.subjectMemberId,
                c.subjectOrgUnitId, c.decidingUnitId, c.decidingBody.name(), c.decidedForm.name(), c.decisionNumber, c.decidedOn,
                c.announcedOn, c.effectUntil, c.appealWindowEnds, c.ruleSetId, amendment, origin(c)));
    }

    void effectEnded(DisciplineCase c) {
        outbox.publish(Topics.DISCIPLINE, EventTypes.DISCIPLINE_EFFECT_ENDED, c.id.toString(), new DisciplineEffectEnded(c.id,
                c.subjectType.name(), c.subjectMemberId, c.subjectOrgUnitId, c.decidingUnitId, c.decidedForm.name(), c.announcedOn,
                c.effectEndedOn, origin(c)));
    }

    static Origin origin(DisciplineCase c) {
        return new Origin(c.originType.name(), c.originId);
    }
}
