package vn.ktgs.planning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.InspectionProgress;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.planning.plan.PlanCodes.ItemStatus;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
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

    @Override
    public String topic() {
        return Topics.INSPECTION;
    }

    @Override
    public void handle(CloudEvent event, Connection tx) throws Exception {
        ItemStatus reached = STATUS_BY_TYPE.get(event.type());
        if (reached == null) {
            return;
        }
        InspectionProgress e = EventJson.mapper().treeToValue(event.data(), InspectionProgress.class);
        if (e.planItemId() == null) {
            return;
        }
        ItemStatus current;
        try (var ps = tx.prepareStatement("SELECT status FROM plan_item_progress WHERE item_id = ? FOR UPDATE")) {
            ps.setObject(1, e.planItemId());
            var rs = ps.executeQuery();
            if (!rs.next()) {
                LOG.infof("inspection %s names plan item %s, which is no item of an approved plan here", e.inspectionId(), e.planItemId());
                return;
            }
            current = ItemStatus.valueOf(rs.getString(1));
        }
        Instant at = e.occurredAt() != null ? e.occurredAt() : event.time();
        String stamp = switch (reached) {
            case SCHEDULED -> "scheduled_at";
            case IN_PROGRESS -> "started_at";
            default -> "concluded_at";
        };
        try (var ps = tx.prepareStatement("UPDATE plan_item_progress SET status = ?, inspection_id = coalesce(inspection_id, ?), "
                + stamp + " = coalesce(" + stamp + ", ?) WHERE item_id = ?")) {
            ps.setString(1, reached.compareTo(current) > 0 ? reached.name() : current.name());
            ps.setObject(2, e.inspectionId());
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setObject(4, e.planItemId());
            ps.executeUpdate();
        }
    }
}
