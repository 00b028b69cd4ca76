package vn.ktgs.kit.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka and marks them sent, in id order.
 * <p>
 * Several replicas may run: a transaction-scoped advisory lock lets one relay at a time publish (so
 * one key's events keep their order across replicas), and {@code FOR UPDATE SKIP LOCKED} keeps the
 * others from waiting on its rows. A row is marked sent only after Kafka acknowledged it
 * ({@code acks=all}, idempotent producer); if publishing fails the transaction rolls back and the
 * batch is tried again later, so a broker outage delays events and never drops them (a retry may
 * publish a row twice; consumers de-duplicate on the event id).
 */
public final class OutboxRelay implements Runnable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock that makes one relay per database publish at a time. */
    private static final long RELAY_LOCK = 0x4b5447534f42L;

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final int batchSize;
    private final Duration idleWait;
    private volatile boolean running = true;
    private volatile Connection listener;

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer, int batchSize, Duration idleWait) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.idleWait = idleWait;
    }

    /** Publishes at most one batch; returns how many rows it marked sent. */
    public int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sent = publishBatch(c);
                c.commit();
                return sent;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c) throws Exception {
        try (var lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            var rs = lock.executeQuery();
            if (!rs.next() || !rs.getBoolean(1)) {
                return 0;
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (var select = c.prepareStatement("SELECT id, topic, event_key, payload FROM kit_outbox"
                + " WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, batchSize);
            var rs = select.executeQuery();
            while (rs.next()) {
                ids.add(rs.getLong(1));
                acks.add(producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }
        try (var mark = c.prepareStatement("UPDATE kit_outbox SET sent_at = now() WHERE id = ANY (?)")) {
            mark.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            mark.executeUpdate();
        }
        return ids.size();
    }

    /** Publishes until stopped: at once after each commit that wrote an event, else every {@code idleWait}. */
    @Override
    public void run() {
        long backoffMs = 100;
        while (running) {
            try (Connection listening = dataSource.getConnection()) {
                listener = listening;
                try (var s = listening.createStatement()) {
                    s.execute("LISTEN " + OutboxWriter.CHANNEL);
                }
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    int sent = publishBatch();
                    backoffMs = 100;
                    if (sent < batchSize) {
                        pg.getNotifications((int) idleWait.toMillis());
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("outbox relay could not publish, retrying in %d ms: %s", backoffMs, e.toString());
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    public void stop() {
        running = false;
        Connection waiting = listener;
        if (waiting != null) {
            try {
                waiting.close(); // ends a wait for notifications at once
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /** Unsent rows and the age in seconds of the oldest one: the outbox lag. */
    public static long[] lag(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)"
                    + " FROM kit_outbox WHERE sent_at IS NULL");
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
