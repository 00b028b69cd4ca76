package vn.ktgs.kit.outbox;

import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes the plumbing rows nobody needs any more, so the tables do not grow without end: outbox rows
 * sent longer ago than their retention, processed-event marks older than theirs (keep them longer than
 * a redelivery can come: the topics' retention), and idempotency keys past theirs. Rows Kafka refused
 * ({@code failed_at}) are kept for an operator. Deletes in small batches so no lock is held for long.
 */
public final class Janitor {
    private static final Logger LOG = Logger.getLogger(Janitor.class);
    private static final int BATCH = 5_000;

    private final DataSource dataSource;
    private final Duration sentEvents;
    private final Duration processedEvents;
    private final Duration idempotencyKeys;

    public Janitor(DataSource dataSource, Duration sentEvents, Duration processedEvents, Duration idempotencyKeys) {
        this.dataSource = dataSource;
        this.sentEvents = sentEvents;
        this.processedEvents = processedEvents;
        this.idempotencyKeys = idempotencyKeys;
    }

    public record Purged(long sentEvents, long processedEvents, long idempotencyKeys) {
    }

    public Purged purge(Instant now) throws SQLException {
        Purged p = new Purged(
                delete("kit_outbox", "sent_at", now.minus(sentEvents)),
                delete("kit_processed_event", "processed_at", now.minus(processedEvents)),
                delete("kit_idempotency", "created_at", now.minus(idempotencyKeys)));
        if (p.sentEvents() + p.processedEvents() + p.idempotencyKeys() > 0) {
            LOG.infof("janitor deleted %d sent outbox rows, %d processed-event marks, %d idempotency keys",
                    p.sentEvents(), p.processedEvents(), p.idempotencyKeys());
        }
        return p;
    }

    private long delete(String table, String column, Instant before) throws SQLException {
        long total = 0;
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("DELETE FROM " + table
                + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE " + column + " < ? LIMIT " + BATCH + ")")) {
            ps.setTimestamp(1, Timestamp.from(before));
            int n;
            do {
                n = ps.executeUpdate();
                total += n;
            } while (n == BATCH);
        }
        return total;
    }
}
