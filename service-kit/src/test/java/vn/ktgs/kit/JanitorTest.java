package vn.ktgs.kit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ktgs.kit.outbox.Janitor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JanitorTest {
    private static DataSource db;

    @BeforeAll
    static void database() {
        db = KitDatabase.create("kit_janitor_test");
    }

    @Test
    void deletesOldRowsAndKeepsRecentUnsentAndFailedOnes() throws Exception {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute("""
                    INSERT INTO kit_outbox (event_id, topic, event_key, payload, created_at, sent_at, failed_at) VALUES
                     (gen_random_uuid(), 't', 'old-sent', '{}', now() - interval '9 days', now() - interval '8 days', null),
                     (gen_random_uuid(), 't', 'recent-sent', '{}', now() - interval '2 days', now() - interval '1 day', null),
                     (gen_random_uuid(), 't', 'old-unsent', '{}', now() - interval '9 days', null, null),
                     (gen_random_uuid(), 't', 'old-failed', '{}', now() - interval '9 days', null, now() - interval '9 days')""");
            s.execute("""
                    INSERT INTO kit_processed_event (consumer, event_id, topic, processed_at) VALUES
                     ('c', 'old', 't', now() - interval '31 days'), ('c', 'recent', 't', now() - interval '29 days')""");
            s.execute("""
                    INSERT INTO kit_idempotency (actor, scope, key, request_hash, created_at) VALUES
                     ('a', 's', 'old', 'h', now() - interval '8 days'), ('a', 's', 'recent', 'h', now() - interval '6 days')""");
        }
        Janitor janitor = new Janitor(db, Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(7));

        Janitor.Purged purged = janitor.purge(Instant.now());

        assertEquals(new Janitor.Purged(1, 1, 1), purged);
        assertEquals("old-failed,old-unsent,recent-sent", keys("SELECT string_agg(event_key, ',' ORDER BY event_key) FROM kit_outbox"));
        assertEquals("recent", keys("SELECT string_agg(event_id, ',') FROM kit_processed_event"));
        assertEquals("recent", keys("SELECT string_agg(key, ',') FROM kit_idempotency"));
        assertEquals(new Janitor.Purged(0, 0, 0), janitor.purge(Instant.now()), "a second run finds nothing");
    }

    private static String keys(String sql) throws Exception {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery(sql);
            rs.next();
            return rs.getString(1);
        }
    }
}
