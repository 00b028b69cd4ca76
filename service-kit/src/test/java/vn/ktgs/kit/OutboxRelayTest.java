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
import vn.ktgs.kit.outbox.OutboxRelay;
import vn.ktgs.kit.outbox.OutboxWriter;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxRelayTest {
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
        for (int sent; (sent = relay.publishBatch()) > 0; ) {
            published += sent;
        }
        assertEquals(60, published);
        assertEquals(0, relay.publishBatch(), "nothing is published twice");

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
    void neverPublishesARolledBackChange() throws Exception {
        CloudEvent rolledBack = event("k", 1);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            OutboxWriter.append(c, topic, rolledBack);
            c.rollback();
        }
        CloudEvent committed = event("k", 2);
        commit(List.of(committed));
        OutboxRelay relay = new OutboxRelay(db, producer, 100, Duration.ofSeconds(1));
        assertEquals(1, relay.publishBatch());
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
                key, Instant.now(), CloudEvent.JSON, null, EventJson.mapper().valueToTree(Map.of("seq", seq)));
    }

    private void commit(List<CloudEvent> events) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (CloudEvent e : events) {
                OutboxWriter.append(c, topic, e);
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
