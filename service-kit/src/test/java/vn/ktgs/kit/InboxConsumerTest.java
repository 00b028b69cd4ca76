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
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.Inbox;
import vn.ktgs.kit.inbox.InboxConsumer;
import vn.ktgs.kit.inbox.InvalidEventException;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox consumer against a real broker and a real database: once, parked when invalid, retried when transient. */
class InboxConsumerTest {
    private static final String DATABASE = "kit_inbox_test";
    private static DataSource db;
    private KafkaProducer<String, String> producer;
    private InboxConsumer inbox;
    private Thread thread;
    private String topic;
    private String group;
    private final AtomicBoolean died = new AtomicBoolean();

    @BeforeAll
    static void database() throws Exception {
        db = KitDatabase.create(DATABASE);
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE applied (event_id text, note text)");
        }
    }

    /** Applies a "note" event by inserting a row: "invalid" is rejected as invalid, "crash" throws an Error. */
    private void start() {
        topic = "kit.inbox." + UUID.randomUUID();
        group = "inbox-test-" + UUID.randomUUID().toString().substring(0, 8);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        inbox = new InboxConsumer(group, consumer, producer, Set.of(topic), (record, event) -> {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (Inbox.claim(c, group, event.id(), record.topic())) {
                        String note = event.data().get("note").asText();
                        try (var ps = c.prepareStatement("INSERT INTO applied VALUES (?, ?)")) {
                            ps.setString(1, event.id());
                            ps.setString(2, note);
                            ps.executeUpdate();
                        }
                        if (note.equals("invalid")) {
                            throw new InvalidEventException("note 'invalid' can never be applied");
                        }
                        if (note.equals("crash")) {
                            throw new StackOverflowError("a bug deep in a handler");
                        }
                    }
                    c.commit();
                } catch (Exception | Error e) {
                    c.rollback();
                    throw e;
                }
            }
        }, Duration.ofMillis(100), Duration.ofSeconds(1));
        thread = new Thread(() -> {
            try {
                inbox.run();
            } catch (Error e) {
                died.set(true);
            }
        }, "inbox-under-test");
        thread.start();
    }

    @AfterEach
    void stop() throws Exception {
        Devstack.shared().postgres().allowConnections(DATABASE);
        inbox.stop();
        thread.join(10_000);
        producer.close();
    }

    @Test
    void appliesARedeliveredEventOnce() throws Exception {
        start();
        String event = event("once");
        send("k", event);
        send("k", event);
        send("k", event("after"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("note = 'after'") == 1);
        assertEquals(1, count("note = 'once'"));
        assertEquals(1, processedCount(EventJson.mapper().readTree(event).get("id").asText()));
    }

    @Test
    void parksOnlyWhatCanNeverBeAppliedOnTheGroupsDeadLetterTopic() throws Exception {
        start();
        send("p1", "this is not JSON");
        String invalid = event("invalid");
        send("p2", invalid);
        send("p3", event("next"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("note = 'next'") == 1);
        assertEquals(0, count("note = 'invalid'"), "the rejected event's writes rolled back");

        List<ConsumerRecord<String, String>> parked = TopicReader.read(Topics.deadLetter(group), 2, Duration.ofSeconds(20));
        assertEquals(List.of("this is not JSON", invalid), parked.stream().map(ConsumerRecord::value).toList());
        String error = header(parked.get(1), "ktgs-error");
        assertTrue(error.contains("note 'invalid' can never be applied"), error);
        assertEquals(group, header(parked.get(0), "ktgs-consumer"));
        assertEquals(topic + "/0@0", header(parked.get(0), "ktgs-origin"));
        assertEquals(2, inbox.parked());
    }

    @Test
    void aDatabaseOutageDelaysEventsAndParksNone() throws Exception {
        start();
        send("k", event("before"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("note = 'before'") == 1);

        Devstack.shared().postgres().refuseConnections(DATABASE);
        List<String> during = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            String e = event("during");
            during.add(e);
            send("k" + (n % 3), e);
        }
        send("k0", during.get(0)); // a redelivery arrives too
        Thread.sleep(10_000);
        assertTrue(inbox.retrying() > 0, "the consumer waits for the database");
        Devstack.shared().postgres().allowConnections(DATABASE);

        await().atMost(Duration.ofSeconds(30)).until(() -> count("note = 'during'") == 20);
        Thread.sleep(1_000);
        assertEquals(20, count("note = 'during'"), "each event applied exactly once");
        assertEquals(0, inbox.parked());
        assertTrue(TopicReader.read(Topics.deadLetter(group), 0, Duration.ofSeconds(2)).isEmpty(), "nothing parked");
        assertFalse(died.get());
    }

    @Test
    void anErrorEndsTheThreadSoLivenessCanSeeIt() throws Exception {
        start();
        send("k", event("crash"));
        thread.join(30_000);
        assertFalse(thread.isAlive());
        assertTrue(died.get(), "the Error left the consumer's run()");
        assertEquals(0, count("note = 'crash'"));
    }

    private String event(String note) throws Exception {
        return EventJson.mapper().writeValueAsString(new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/ktgs/test", "vn.ktgs.test.noted.v1", "k", Instant.now(), CloudEvent.JSON, null, null,
                EventJson.mapper().valueToTree(Map.of("note", note))));
    }

    private void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, key, value)).get();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
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
                "SELECT count(*) FROM kit_processed_event WHERE consumer = ? AND event_id = ?")) {
            ps.setString(1, group);
            ps.setString(2, eventId);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
