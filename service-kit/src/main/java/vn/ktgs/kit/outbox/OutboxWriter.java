package vn.ktgs.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Appends an event to the outbox on the caller's connection, so it commits or rolls back with the
 * state change. The NOTIFY is delivered on commit only, and wakes the relay at once.
 */
public final class OutboxWriter {
    static final String CHANNEL = "kit_outbox";

    private OutboxWriter() {
    }

    /**
     * Refuses (422, and the caller's transaction rolls back) an event larger than {@code maxBytes}: Kafka
     * would refuse it, and the change it announces would never reach the other services.
     */
    public static void append(Connection c, String topic, CloudEvent event, int maxBytes) throws SQLException {
        String payload;
        try {
            payload = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + event.type(), e);
        }
        int size = payload.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw ProblemException.ruleViolated("body", "event-size", "the change would be announced in an event of "
                    + size + " bytes, more than the " + maxBytes + " the event stream accepts: split it into smaller parts");
        }
        try (var insert = c.prepareStatement(
                "INSERT INTO kit_outbox (event_id, topic, event_key, payload, traceparent) VALUES (?, ?, ?, ?, ?)");
             var notify = c.createStatement()) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, topic);
            insert.setString(3, event.subject());
            insert.setString(4, payload);
            insert.setString(5, event.traceparent());
            insert.executeUpdate();
            notify.execute("NOTIFY " + CHANNEL);
        }
    }
}
