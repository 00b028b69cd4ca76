package vn.ktgs.complaints;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ktgs.complaints.appeal.AppealCodes;
import vn.ktgs.complaints.denunciation.DenunciationCodes;
import vn.ktgs.events.ComplaintOverdue;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Origin;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.outbox.Outbox;
import vn.ktgs.kit.tasks.PeriodicTask;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Notices the denunciations and appeals whose deadline passed unresolved and announces each once
 * ({@code denunciation.overdue}, {@code appeal.overdue}): the mark and the event commit together, and replicas skip
 * the rows another one holds.
 */
@ApplicationScoped
public class OverdueLetters implements PeriodicTask {
    private static final int BATCH = 500;
    /** table, event type, origin type, open statuses */
    private static final String[][] KINDS = {
            {"denunciation", EventTypes.DENUNCIATION_OVERDUE, "DENUNCIATION", HandlingRules.sqlList(DenunciationCodes.Status.OPEN)},
            {"appeal", EventTypes.APPEAL_OVERDUE, "APPEAL", HandlingRules.sqlList(AppealCodes.Status.OPEN)}};

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration every;

    OverdueLetters(EntityManager em, Outbox outbox, Clock clock,
                   @ConfigProperty(name = "ktgs.complaints.overdue-check", defaultValue = "1h") Duration every) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.every = every;
    }

    @Override
    public String name() {
        return "overdue denunciations and appeals";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        for (String[] kind : KINDS) {
            while (QuarkusTransaction.requiringNew().call(() -> batch(kind)) == BATCH) {
                // more letters fell due than one batch holds
            }
        }
    }

    /** One batch of one kind in one transaction; how many letters it noticed. */
    int batch(String[] kind) {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT id, handling_unit_id, handling_body, due_on, status FROM " + kind[0]
                        + " WHERE status IN (" + kind[3] + ") AND overdue_noticed_at IS NULL AND due_on < ?1"
                        + " ORDER BY due_on, id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, LocalDate.now(clock)).getResultList();
        for (Object[] r : due) {
            UUID id = (UUID) r[0];
            em.createNativeQuery("UPDATE " + kind[0] + " SET overdue_noticed_at = ?1 WHERE id = ?2")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, id).executeUpdate();
            outbox.publish(Topics.COMPLAINTS, kind[1], id.toString(), new ComplaintOverdue(id, (UUID) r[1], (String) r[2],
                    (LocalDate) r[3], (String) r[4], new Origin(kind[2], id)));
        }
        return due.size();
    }
}
