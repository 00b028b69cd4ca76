package vn.ktgs.inspection.planitem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.PlanApproved;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;

import java.util.List;

/**
 * Keeps the items of approved plans from {@code plan.approved} and {@code plan.amended}: the items an inspection
 * may name as the one it carries out. A revision older than the one kept changes nothing, so late or repeated
 * events are harmless; items an amendment dropped stay, marked no longer in force.
 */
@ApplicationScoped
public class PlanItemCopyHandler implements EventHandler {
    private final EntityManager em;

    PlanItemCopyHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public String topic() {
        return Topics.PLANNING;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!EventTypes.PLAN_APPROVED.equals(event.type()) && !EventTypes.PLAN_AMENDED.equals(event.type())) {
            return;
        }
        PlanApproved plan = EventHandler.data(event, PlanApproved.class);
        if (plan.planId() == null || plan.ownerUnitId() == null || plan.items() == null) {
            throw new InvalidEventException("plan event without planId, ownerUnitId or items");
        }
        // serialise the events of one plan, then ignore a revision older than the newest kept
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, plan.planId().toString()).getSingleResult();
        List<?> newest = em.createNativeQuery("SELECT max(plan_revision) FROM plan_item_copy WHERE plan_id = ?1")
                .setParameter(1, plan.planId()).getResultList();
        Number kept = newest.isEmpty() ? null : (Number) newest.get(0);
        if (kept != null && kept.intValue() > plan.revision()) {
            return;
        }
        em.createNativeQuery("UPDATE plan_item_copy SET in_force = false WHERE plan_id = ?1").setParameter(1, plan.planId())
                .executeUpdate();
        for (PlanApproved.Item i : plan.items()) {
            if (i.id() == null || i.kind() == null || i.subject() == null || i.subject().orgUnitId() == null
                    || i.periodFrom() == null || i.periodTo() == null) {
                throw new InvalidEventException("plan item without id, kind, subject or period in plan " + plan.planId());
            }
            PlanItemCopy c = PlanItemCopy.findById(i.id());
            if (c == null) {
                c = new PlanItemCopy();
                c.itemId = i.id();
            }
            c.planId = plan.planId();
            c.planRevision = plan.revision();
            c.ownerUnitId = plan.ownerUnitId();
            c.kind = i.kind();
            c.subjectType = i.subject().type();
            c.subjectOrgUnitId = i.subject().orgUnitId();
            c.subjectMemberId = i.subject().memberId();
            c.periodFrom = i.periodFrom();
            c.periodTo = i.periodTo();
            c.content = i.content() == null ? "" : i.content();
            c.inForce = true;
            c.persist();
        }
    }
}
