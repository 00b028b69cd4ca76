package vn.ktgs.kit.inbox;

import com.fasterxml.jackson.core.JacksonException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import vn.ktgs.events.Topics;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** What the inbox and its replay agree on: which failures no retry can cure, and how a record is parked. */
final class Failures {
    static final String ERROR_HEADER = "ktgs-error";
    static final String CONSUMER_HEADER = "ktgs-consumer";
    /** topic/partition@offset of the record as first consumed */
    static final String ORIGIN_HEADER = "ktgs-origin";

    private Failures() {
    }

    /**
     * True when the event itself is at fault: a handler rejected it, its data does not map (wrong types,
     * missing fields), or the database refused its values (SQLSTATE class 22, data exception: too long,
     * out of range, a NUL byte). Retrying such an event would block its partition for ever.
     */
    static boolean isInvalid(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof JacksonException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** An Error wrapped by the transaction layer is still an Error: it must end the thread, not be retried. */
    static void rethrowError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Error error) {
                throw error;
            }
            if (t.getCause() == t) {
                break;
            }
        }
    }

    /** The innermost cause's message: what went wrong, without the wrapping layers. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * The dead-letter copy of {@code record}: value, key and headers unchanged, the error and consumer
     * replaced, the origin kept from the first parking (none when it had none: it is not invented).
     *
     * @param parkedAt null when parked first (Kafka stamps it now); a parked record's own time when it is
     *                 parked again, so that its age stays the age of the problem
     */
    static ProducerRecord<String, String> deadLetter(String group, ConsumerRecord<String, String> record, String origin,
                                                     String error, Long parkedAt) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.deadLetter(group), null, parkedAt,
                record.key(), record.value());
        for (Header h : record.headers()) {
            if (!h.key().equals(ERROR_HEADER) && !h.key().equals(CONSUMER_HEADER) && !h.key().equals(ORIGIN_HEADER)) {
                dead.headers().add(h);
            }
        }
        dead.headers()
                .add(ERROR_HEADER, error.getBytes(StandardCharsets.UTF_8))
                .add(CONSUMER_HEADER, group.getBytes(StandardCharsets.UTF_8));
        if (origin != null) {
            dead.headers().add(ORIGIN_HEADER, origin.getBytes(StandardCharsets.UTF_8));
        }
        return dead;
    }

    static String originOf(ConsumerRecord<String, String> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
