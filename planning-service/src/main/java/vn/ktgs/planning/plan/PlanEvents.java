package vn.ktgs.planning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.PlanApproved;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.outbox.Outbox;

import java.util.List;

/** The plan's events, written to the outbox in the transaction of the change they announce. */
@ApplicationScoped
public class PlanEvents {
    private final Outbox outbox;

    PlanEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A revision was approved: the first ({@code plan.approved}) or an amendment ({@code plan.amended}), with its items. */
    void approved(Plan p, PlanRevision r, List<PlanItem> items, boolean amendment) {
        PlanApproved event = new PlanApproved(p.id, p.revision, p.ownerUnitId, p.kind.name(), p.year, p.termStart, p.termEnd,
                r.title, p.ruleSetId, r.reason, r.approvedAt, items.stream().map(i -> new PlanApproved.Item(i.id, i.activity.name(),
                i.kind.name(), PlanViews.subjectOf(i), i.content, i.focus, i.periodFrom, i.periodTo, i.lead, i.notes)).toList());
        outbox.publish(Topics.PLANNING, amendment ? EventTypes.PLAN_AMENDED : EventTypes.PLAN_APPROVED, p.id.toString(), event);
    }
}
