package vn.ktgs.kit.inbox;

import java.sql.Connection;
import java.sql.SQLException;

/** The processed-event table of the idempotent consumer. */
public final class Inbox {
    private Inbox() {
    }

    /** Marks the event processed for this consumer; false if it already was (a redelivery). */
    public static boolean claim(Connection tx, String consumer, String eventId, String topic) throws SQLException {
        try (var ps = tx.prepareStatement("INSERT INTO kit_processed_event (consumer, event_id, topic)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, consumer);
            ps.setString(2, eventId);
            ps.setString(3, topic);
            return ps.executeUpdate() == 1;
        }
    }
}
