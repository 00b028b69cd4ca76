package vn.ktgs.kit.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import vn.ktgs.events.CloudEvent;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes committed outbox rows to Kafka and marks them sent, in id order.
 * <p>
 * Several replicas may run: a transaction-scoped advisory lock lets one relay at a time publish (so
 * one key's events keep their order across replicas), and {@code FOR UPDATE SKIP LOCKED} keeps the
 * others from waiting on its rows. A row is marked sent only after Kafka acknowledged it
 * ({@code acks=all}, idempotent producer); if publishing fails for a while, the acknowledged rows are marked and the
 * rest of the batch is tried again later, so a broker outage delays events and never drops them (a
 * retry may publish a row twice; consumers de-duplicate on the event id). A row Kafka refuses for good
 * (too large, an invalid topic) is marked failed with the error and counted, and the rows behind it go
 * on; an operator may set {@code failed_at} back to null to try it again.
 * <p>
 * Records use the CloudEvents Kafka binding in structured mode ({@code content-type} header) and carry
 * the event's {@code traceparent} as a header too.
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

    /** What one batch did: rows marked sent, rows marked failed, and a transient failure that stopped it, if any. */
    public record Batch(int sent, int failed, Exception transientFailure) {
        static final Batch EMPTY = new Batch(0, 0, null);
    }

    /** Publishes at most one batch. */
    public Batch publishBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Batch done = publishBatch(c);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Batch publishBatch(Connection c) throws SQLException {
        try (var lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            var rs = lock.executeQuery();
            if (!rs.next() || !rs.getBoolean(1)) {
                return Batch.EMPTY;
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (var select = c.prepareStatement("SELECT id, topic, event_key, payload, traceparent FROM kit_outbox"
                + " WHERE sent_at IS NULL AND failed_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, batchSize);
            var rs = select.executeQuery();
            while (rs.next()) {
                ids.add(rs.getLong(1));
                acks.add(producer.send(record(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))));
            }
        }
        if (ids.isEmpty()) {
            return Batch.EMPTY;
        }
        producer.flush();
        List<Long> sent = new ArrayList<>();
        Exception transientFailure = null;
        try (var fail = c.prepareStatement("UPDATE kit_outbox SET failed_at = now(), error = ? WHERE id = ?")) {
            for (int n = 0; n < ids.size(); n++) {
                try {
                    acks.get(n).get(60, TimeUnit.SECONDS);
                    sent.add(ids.get(n));
                } catch (ExecutionException e) {
                    if (isPermanent(e.getCause())) {
                        // Kafka will never take this record: set it aside so the rows behind it go on
                        LOG.errorf("outbox row %d refused by Kafka for good, marked failed: %s", ids.get(n), e.getCause().toString());
                        fail.setString(1, e.getCause().toString());
                        fail.setLong(2, ids.get(n));
                        fail.addBatch();
                    } else if (transientFailure == null) {
                        transientFailure = e;
                    }
                } catch (InterruptedException | TimeoutException e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    if (transientFailure == null) {
                        transientFailure = e;
                    }
                }
            }
            int failed = fail.executeBatch().length;
            try (var mark = c.prepareStatement("UPDATE kit_outbox SET sent_at = now() WHERE id = ANY (?)")) {
                mark.setArray(1, c.createArrayOf("bigint", sent.toArray()));
                mark.executeUpdate();
            }
            return new Batch(sent.size(), failed, transientFailure);
        }
    }

    private static ProducerRecord<String, String> record(String topic, String key, String payload, String traceparent) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, payload);
        r.headers().add(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            r.headers().add(CloudEvent.TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    /** Failures of the record itself, which no retry can mend; everything else (brokers away, timeouts, ACLs) may pass. */
    static boolean isPermanent(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidTopicException || e instanceof InvalidRecordException
                || e instanceof SerializationException;
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
                    Batch done = publishBatch();
                    if (done.transientFailure() != null) {
                        throw done.transientFailure();
                    }
                    backoffMs = 100;
                    if (done.sent() + done.failed() < batchSize) {
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

    /** Unsent rows, the age in seconds of the oldest one (the outbox lag), and rows Kafka refused for good. */
    public static long[] lag(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FILTER (WHERE failed_at IS NULL),"
                    + " coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE failed_at IS NULL)), 0),"
                    + " count(*) FILTER (WHERE failed_at IS NOT NULL)"
                    + " FROM kit_outbox WHERE sent_at IS NULL");
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
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
