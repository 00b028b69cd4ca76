package vn.ktgs.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;

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

    public static void append(Connection c, String topic, CloudEvent event) throws SQLException {
        String payload;
        try {
            payload = EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + event.type(), e);
        }
        try (var insert = c.prepareStatement(
                "INSERT INTO kit_outbox (event_id, topic, event_key, payload) VALUES (?, ?, ?, ?)");
             var notify = c.createStatement()) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, topic);
            insert.setString(3, event.subject());
            insert.setString(4, payload);
            insert.executeUpdate();
            notify.execute("NOTIFY " + CHANNEL);
        }
    }
}
