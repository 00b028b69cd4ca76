package vn.ktgs.kit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.OrgUnitUpserted;
import vn.ktgs.events.RecordContract;
import vn.ktgs.kit.outbox.OutboxRelay;
import vn.ktgs.kit.outbox.OutboxWriter;
import vn.ktgs.kit.problem.ProblemException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxRelayTest {
    private static final int MAX_EVENT_BYTES = 921_600;
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static DataSource db;
    private KafkaProducer<String, String> producer;
    private String topic;

    @BeforeAll
    static void database() {
        db = KitDatabase.create("kit_outbox_test");
    }

    @BeforeEach
    void setUp() throws Exception {
        topic = "kit.relay." + UUID.randomUUID();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000), new StringSerializer(), new StringSerializer());
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute("DELETE FROM kit_outbox");
        }
    }

    @AfterEach
    void tearDown() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void publishesEachCommittedEventOnceInOrderPerKey() throws Exception {
        List<String> keys = List.of("a", "b", "c");
        List<CloudEvent> written = new ArrayList<>();
        for (int tx = 0; tx < 10; tx++) {
            List<CloudEvent> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                batch.add(event(keys.get(i % 3), written.size() + batch.size()));
            }
            commit(batch);
            written.addAll(batch);
        }
        OutboxRelay relay = new OutboxRelay(db, producer, 25, Duration.ofSeconds(1));
        int published = 0;
        for (int sent; (sent = relay.publishBatch().sent()) > 0; ) {
            published += sent;
        }
        assertEquals(60, published);
        assertEquals(0, relay.publishBatch().sent(), "nothing is published twice");

        List<ConsumerRecord<String, String>> records = TopicReader.read(topic, 60, Duration.ofSeconds(20));
        assertEquals(60, records.size());
        assertEquals(written.stream().map(CloudEvent::id).collect(Collectors.toSet()),
                records.stream().map(r -> eventId(r.value())).collect(Collectors.toSet()));
        Map<String, List<Integer>> seqByKey = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            seqByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(seq(r.value()));
        }
        for (List<Integer> seqs : seqByKey.values()) {
            assertEquals(seqs.stream().sorted().toList(), seqs, "one key's events keep their commit order");
        }
        assertEquals(0, unsent());
    }

    @Test
    void refusesAnOversizedEventWhenItIsWrittenAndWritesNothing() throws Exception {
        CloudEvent huge = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/test",
                "vn.ktgs.test.happened.v1", "k", Instant.now(), CloudEvent.JSON, null, null,
                EventJson.mapper().valueToTree(Map.of("text", "x".repeat(MAX_EVENT_BYTES))));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            ProblemException refused = assertThrows(ProblemException.class, () -> OutboxWriter.append(c, topic, huge, MAX_EVENT_BYTES));
            c.rollback();
            assertEquals(422, refused.status());
            assertEquals("event-size", refused.errors().get(0).rule());
        }
        assertEquals(0, unsent());
    }

    @Test
    void setsAsideARowKafkaRefusesForGoodAndPublishesTheRowsBehindIt() throws Exception {
        // a row written under a larger limit than the brokers take (1 MiB by default)
        try (Connection c = db.getConnection(); var ps = c.prepareStatement(
                "INSERT INTO kit_outbox (event_id, topic, event_key, payload) VALUES (?, ?, 'big', ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, topic);
            ps.setString(3, "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
            ps.executeUpdate();
        }
        CloudEvent behind = event("other", 1);
        commit(List.of(behind));

        OutboxRelay relay = new OutboxRelay(db, producer, 100, Duration.ofSeconds(1));
        OutboxRelay.Batch batch = relay.publishBatch();
        assertEquals(1, batch.sent());
        assertEquals(1, batch.failed());
        assertNull(batch.transientFailure());
        assertEquals(List.of(behind.id()), TopicReader.read(topic, 1, Duration.ofSeconds(10)).stream()
                .map(r -> eventId(r.value())).toList());
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT error FROM kit_outbox WHERE event_key = 'big' AND failed_at IS NOT NULL AND sent_at IS NULL");
            assertTrue(rs.next());
            assertTrue(rs.getString(1).contains("RecordTooLargeException"), rs.getString(1));
        }
        assertEquals(1, OutboxRelay.lag(db)[2], "the failed row is counted");
        assertEquals(0, relay.publishBatch().sent() + relay.publishBatch().failed(), "and not tried again");
    }

    @Test
    void publishesInStructuredModeWithTheTraceContext() throws Exception {
        CloudEvent e = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/test",
                "vn.ktgs.test.happened.v1", "k", Instant.now(), CloudEvent.JSON, "req-1", TRACEPARENT,
                EventJson.mapper().valueToTree(Map.of("seq", 1)));
        commit(List.of(e));
        new OutboxRelay(db, producer, 100, Duration.ofSeconds(1)).publishBatch();
        ConsumerRecord<String, String> r = TopicReader.read(topic, 1, Duration.ofSeconds(10)).get(0);
        assertEquals(CloudEvent.STRUCTURED_CONTENT_TYPE, header(r, CloudEvent.CONTENT_TYPE_HEADER));
        assertEquals(TRACEPARENT, header(r, CloudEvent.TRACEPARENT_HEADER));
        assertEquals(TRACEPARENT, EventJson.mapper().readTree(r.value()).get("traceparent").asText());
    }

    @Test
    void publishedRecordsKeepTheAsyncApiContractHeadersIncluded() throws Exception {
        UUID root = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        OrgUnitUpserted unit = new OrgUnitUpserted(id, "HT-01", "Đảng bộ phường Thành Sen", "COMMUNE", root, List.of(root),
                true, true, false, true, 1, Instant.now());
        CloudEvent e = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/planning-service",
                EventTypes.ORG_UNIT_UPSERTED, id.toString(), Instant.now(), CloudEvent.JSON, "req-2", TRACEPARENT,
                EventJson.mapper().valueToTree(unit));
        String orgTopic = "ktgs.org-units.v1";
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            OutboxWriter.append(c, orgTopic, e, MAX_EVENT_BYTES);
            c.commit();
        }
        new OutboxRelay(db, producer, 100, Duration.ofSeconds(1)).publishBatch();
        ConsumerRecord<String, String> r = TopicReader.read(orgTopic, 1, Duration.ofSeconds(10)).stream()
                .filter(x -> x.key().equals(id.toString())).findFirst().orElseThrow();
        Map<String, String> headers = new HashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(List.of(), RecordContract.violations(r.topic(), headers, r.key(), r.value()));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void neverPublishesARolledBackChange() throws Exception {
        CloudEvent rolledBack = event("k", 1);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            OutboxWriter.append(c, topic, rolledBack, MAX_EVENT_BYTES);
            c.rollback();
        }
        CloudEvent committed = event("k", 2);
        commit(List.of(committed));
        OutboxRelay relay = new OutboxRelay(db, producer, 100, Duration.ofSeconds(1));
        assertEquals(1, relay.publishBatch().sent());
        List<ConsumerRecord<String, String>> records = TopicReader.read(topic, 1, Duration.ofSeconds(15));
        assertEquals(List.of(committed.id()), records.stream().map(r -> eventId(r.value())).toList());
    }

    @Test
    void wakesOnCommitInsteadOfWaitingForItsPoll() throws Exception {
        OutboxRelay relay = new OutboxRelay(db, producer, 100, Duration.ofSeconds(60));
        Thread t = new Thread(relay, "relay-under-test");
        t.start();
        try {
            Thread.sleep(500); // the relay is now idle, waiting up to 60 s for a notification
            CloudEvent e = event("k", 1);
            commit(List.of(e));
            await().atMost(Duration.ofSeconds(5)).until(() -> unsent() == 0);
            assertEquals(List.of(e.id()), TopicReader.read(topic, 1, Duration.ofSeconds(10)).stream()
                    .map(r -> eventId(r.value())).toList());
        } finally {
            relay.stop();
            t.join(70_000);
        }
    }

    @Test
    void survivesABrokerOutageWithoutLoss() throws Exception {
        OutboxRelay relay = new OutboxRelay(db, producer, 100, Duration.ofMillis(200));
        Devstack.shared().broker().stop();
        Thread t = new Thread(relay, "relay-under-test");
        List<CloudEvent> written = new ArrayList<>();
        try {
            t.start();
            for (int i = 0; i < 20; i++) {
                CloudEvent e = event("k" + (i % 4), i);
                commit(List.of(e));
                written.add(e);
            }
            Thread.sleep(3_000);
            assertEquals(20, unsent(), "nothing is marked sent while the broker is down");
        } finally {
            Devstack.shared().broker().start();
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> unsent() == 0);
        } finally {
            relay.stop();
            t.join(10_000);
        }
        Set<String> seen = TopicReader.read(topic, 20, Duration.ofSeconds(20)).stream()
                .map(r -> eventId(r.value())).collect(Collectors.toSet());
        assertTrue(seen.containsAll(written.stream().map(CloudEvent::id).toList()), "every committed event arrives");
    }

    private CloudEvent event(String key, int seq) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/test", "vn.ktgs.test.happened.v1",
                key, Instant.now(), CloudEvent.JSON, null, null, EventJson.mapper().valueToTree(Map.of("seq", seq)));
    }

    private void commit(List<CloudEvent> events) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (CloudEvent e : events) {
                OutboxWriter.append(c, topic, e, MAX_EVENT_BYTES);
            }
            c.commit();
        }
    }

    private long unsent() throws Exception {
        return OutboxRelay.lag(db)[0];
    }

    private static String eventId(String json) {
        try {
            return EventJson.mapper().readTree(json).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int seq(String json) {
        try {
            return EventJson.mapper().readTree(json).at("/data/seq").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
