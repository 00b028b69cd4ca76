package vn.ktgs.kit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InboxConsumer;
import vn.ktgs.kit.inbox.TransactionRunner;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InboxConsumerTest {
    private static DataSource db;
    private KafkaProducer<String, String> producer;
    private InboxConsumer inbox;
    private Thread thread;
    private String topic;

    @BeforeAll
    static void database() throws Exception {
        db = KitDatabase.create("kit_inbox_test");
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE applied (event_id text, note text)");
        }
    }

    @BeforeEach
    void start() {
        topic = "kit.inbox." + UUID.randomUUID();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        // Applies a "note" event by inserting a row; a note "fail" always throws.
        EventHandler handler = new EventHandler() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public void handle(CloudEvent event, Connection tx) throws Exception {
                String note = event.data().get("note").asText();
                try (var ps = tx.prepareStatement("INSERT INTO applied VALUES (?, ?)")) {
                    ps.setString(1, event.id());
                    ps.setString(2, note);
                    ps.executeUpdate();
                }
                if (note.equals("fail")) {
                    throw new IllegalStateException("cannot apply this one");
                }
            }
        };
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "inbox-test-" + topic,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        inbox = new InboxConsumer("inbox-test", consumer, producer, List.of(handler), TransactionRunner.jdbc(db), 2);
        thread = new Thread(inbox, "inbox-under-test");
        thread.start();
    }

    @AfterEach
    void stop() throws Exception {
        inbox.stop();
        thread.join(10_000);
        producer.close();
    }

    @Test
    void appliesARedeliveredEventOnce() throws Exception {
        String event = event("once");
        send("k", event);
        send("k", event);
        send("k", event("after"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("note = 'after'") == 1);
        assertEquals(1, count("note = 'once'"));
        assertEquals(1, processedCount(EventJson.mapper().readTree(event).get("id").asText()));
    }

    @Test
    void parksAPoisonMessageAndGoesOn() throws Exception {
        send("p1", "this is not JSON");
        String failing = event("fail");
        send("p2", failing);
        send("p3", event("next"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("note = 'next'") == 1);
        assertEquals(0, count("note = 'fail'"), "the failing handler's writes rolled back");

        List<ConsumerRecord<String, String>> parked = TopicReader.read(Topics.deadLetter(topic), 2, Duration.ofSeconds(20));
        assertEquals(List.of("this is not JSON", failing), parked.stream().map(ConsumerRecord::value).toList());
        String error = new String(parked.get(1).headers().lastHeader("ktgs-error").value(), StandardCharsets.UTF_8);
        assertTrue(error.contains("cannot apply this one"), error);
        assertEquals("inbox-test", new String(parked.get(0).headers().lastHeader("ktgs-consumer").value(), StandardCharsets.UTF_8));
    }

    private String event(String note) throws Exception {
        return EventJson.mapper().writeValueAsString(new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/ktgs/test", "vn.ktgs.test.noted.v1", "k", Instant.now(), CloudEvent.JSON, null,
                EventJson.mapper().valueToTree(Map.of("note", note))));
    }

    private void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, key, value)).get();
    }

    private long count(String where) throws Exception {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM applied WHERE " + where);
            rs.next();
            return rs.getLong(1);
        }
    }

    private long processedCount(String eventId) throws Exception {
        try (Connection c = db.getConnection(); var ps = c.prepareStatement(
                "SELECT count(*) FROM kit_processed_event WHERE consumer = 'inbox-test' AND event_id = ?")) {
            ps.setString(1, eventId);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
