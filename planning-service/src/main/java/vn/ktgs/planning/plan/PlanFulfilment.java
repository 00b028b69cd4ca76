package vn.ktgs.planning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.InspectionProgress;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;
import vn.ktgs.planning.plan.PlanCodes.ItemStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Keeps each plan item's fulfilment from inspection-service's events. Status only moves forward, so
 * events that arrive late or twice change nothing; events for no known item are ignored.
 */
@ApplicationScoped
public class PlanFulfilment implements EventHandler {
    private static final Logger LOG = Logger.getLogger(PlanFulfilment.class);
    private static final Map<String, ItemStatus> STATUS_BY_TYPE = Map.of(
            EventTypes.INSPECTION_SCHEDULED, ItemStatus.SCHEDULED,
            EventTypes.INSPECTION_STARTED, ItemStatus.IN_PROGRESS,
            EventTypes.INSPECTION_CONCLUDED, ItemStatus.DONE);

    private final EntityManager em;

    PlanFulfilment(EntityManager em) {
        this.em = em;
    }

    @Override
    public String topic() {
        return Topics.INSPECTION;
    }

    @Override
    public void handle(CloudEvent event) {
        ItemStatus reached = STATUS_BY_TYPE.get(event.type());
        if (reached == null) {
            return;
        }
        InspectionProgress e = EventHandler.data(event, InspectionProgress.class);
        if (e.planItemId() == null) {
            return;
        }
        List<?> found = em.createNativeQuery("SELECT status FROM plan_item_progress WHERE item_id = ?1 FOR UPDATE")
                .setParameter(1, e.planItemId()).getResultList();
        if (found.isEmpty()) {
            LOG.infof("inspection %s names plan item %s, which is no item of an approved plan here", e.inspectionId(), e.planItemId());
            return;
        }
        ItemStatus current = ItemStatus.valueOf((String) found.get(0));
        Instant at = e.occurredAt() != null ? e.occurredAt() : event.time();
        String stamp = switch (reached) {
            case SCHEDULED -> "scheduled_at";
            case IN_PROGRESS -> "started_at";
            default -> "concluded_at";
        };
        em.createNativeQuery("UPDATE plan_item_progress SET status = ?1, inspection_id = coalesce(inspection_id, ?2), "
                        + stamp + " = coalesce(" + stamp + ", ?3) WHERE item_id = ?4")
                .setParameter(1, reached.compareTo(current) > 0 ? reached.name() : current.name())
                .setParameter(2, e.inspectionId())
                .setParameter(3, at)
                .setParameter(4, e.planItemId())
                .executeUpdate();
    }
}
