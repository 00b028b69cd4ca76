package vn.ktgs.inspection.remediation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Origin;
import vn.ktgs.events.RemediationOverdue;
import vn.ktgs.events.Topics;
import vn.ktgs.inspection.inspection.Inspection;
import vn.ktgs.kit.outbox.Outbox;
import vn.ktgs.kit.tasks.PeriodicTask;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Notices remediation items that fell due undone and emits {@code inspection.remediation-overdue} once for each: the
 * mark and the event commit together, and replicas skip the rows another one holds.
 */
@ApplicationScoped
public class OverdueRemediation implements PeriodicTask {
    private static final int BATCH = 500;

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration every;

    OverdueRemediation(EntityManager em, Outbox outbox, Clock clock,
                       @ConfigProperty(name = "ktgs.inspection.overdue-check", defaultValue = "5m") Duration every) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.every = every;
    }

    @Override
    public String name() {
        return "overdue remediation check";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        while (QuarkusTransaction.requiringNew().call(this::batch) == BATCH) {
            // more items fell due than one batch holds
        }
    }

    /** One batch in one transaction; how many items it noticed. */
    int batch() {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("SELECT id FROM remediation_item WHERE status <> 'DONE' AND overdue_noticed_at IS NULL"
                        + " AND deadline < ?1 ORDER BY deadline, id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED", UUID.class)
                .setParameter(1, today).getResultList();
        Instant now = Instant.now(clock);
        for (UUID id : due) {
            RemediationItem item = em.find(RemediationItem.class, id);
            Inspection i = Inspection.findById(item.inspectionId);
            item.overdueNoticedAt = now;
            outbox.publish(Topics.INSPECTION, EventTypes.INSPECTION_REMEDIATION_OVERDUE, i.id.toString(), new RemediationOverdue(item.id,
                    i.id, i.decidingUnitId, item.ownerUnitId, item.ownerMemberId, item.action, item.deadline, item.status.name(),
                    new Origin("INSPECTION", i.id)));
        }
        return due.size();
    }
}
