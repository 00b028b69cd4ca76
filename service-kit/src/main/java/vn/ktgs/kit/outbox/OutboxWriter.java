package vn.ktgs.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends an event to the outbox on the caller's connection, so it commits or rolls back with the
 * state change. The NOTIFY is delivered on commit only, and wakes the relay at once.
 */
public final class OutboxWriter {
    static final String CHANNEL = "kit_outbox";

    private OutboxWriter() {
    }

    /** Events written with one JDBC batch, so that a bulk change costs a round trip per thousand events. */
    private static final int BATCH = 1000;

    /**
     * Refuses (422, and the caller's transaction rolls back) an event larger than {@code maxBytes}: Kafka
     * would refuse it, and the change it announces would never reach the other services.
     */
    public static void append(Connection c, String topic, CloudEvent event, int maxBytes) throws SQLException {
        append(c, topic, List.of(event), maxBytes);
    }

    /** Appends the events in their order, with one NOTIFY; refuses them all if one is too large. */
    public static void append(Connection c, String topic, List<CloudEvent> events, int maxBytes) throws SQLException {
        List<String> payloads = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            payloads.add(payload(event, maxBytes));
        }
        try (var insert = c.prepareStatement(
                "INSERT INTO kit_outbox (event_id, topic, event_key, payload, traceparent) VALUES (?, ?, ?, ?, ?)");
             var notify = c.createStatement()) {
            for (int i = 0; i < events.size(); i++) {
                CloudEvent event = events.get(i);
                insert.setObject(1, UUID.fromString(event.id()));
                insert.setString(2, topic);
                insert.setString(3, event.subject());
                insert.setString(4, payloads.get(i));
                insert.setString(5, event.traceparent());
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            notify.execute("NOTIFY " + CHANNEL);
        }
    }

    private static String payload(CloudEvent event, int maxBytes) {
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
        return payload;
    }
}
