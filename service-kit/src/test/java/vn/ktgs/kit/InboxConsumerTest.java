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
import vn.ktgs.kit.inbox.DeadLetters;
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
    private final AtomicBoolean fixed = new AtomicBoolean();

    @BeforeAll
    static void database() throws Exception {
        db = KitDatabase.create(DATABASE);
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE applied (event_id text, note text)");
        }
    }

    /** What the test handler maps an event's data to: a wrongly typed {@code count} cannot map. */
    record Note(String note, Integer count) {
    }

    /**
     * Applies a "note" event by inserting a row: "invalid" is rejected as invalid, "crash" throws an Error,
     * "until-fixed" is invalid until {@link #fixed} is set (a bug fixed, then its dead letters replayed).
     */
    private boolean apply(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, CloudEvent event) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean claimed = Inbox.claim(c, group, event.id(), record.topic());
                if (claimed) {
                    String note = EventJson.mapper().treeToValue(event.data(), Note.class).note();
                    try (var ps = c.prepareStatement("INSERT INTO applied VALUES (?, ?)")) {
                        ps.setString(1, event.id());
                        ps.setString(2, note);
                        ps.executeUpdate();
                    }
                    if (note.equals("invalid") || note.equals("until-fixed") && !fixed.get()) {
                        throw new InvalidEventException("note '" + note + "' can never be applied");
                    }
                    if (note.equals("crash")) {
                        throw new StackOverflowError("a bug deep in a handler");
                    }
                }
                c.commit();
                return claimed;
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void start() throws Exception {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute("DELETE FROM applied"); // each test counts its own notes
        }
        topic = "kit.inbox." + UUID.randomUUID();
        group = "inbox-test-" + UUID.randomUUID().toString().substring(0, 8);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        inbox = new InboxConsumer(group, consumer, producer, Set.of(topic), this::apply, Duration.ofMillis(100), Duration.ofSeconds(1));
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
    void skipsTombstonesAndParksDataThatCannotMapAtOnce() throws Exception {
        start();
        send("gone", null);
        String wronglyTyped = EventJson.mapper().writeValueAsString(new CloudEvent(CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(), "/ktgs/test", "vn.ktgs.test.noted.v1", "k", Instant.now(), CloudEvent.JSON,
                null, null, EventJson.mapper().readTree("{\"note\":\"typed\",\"count\":\"many\"}")));
        send("t", wronglyTyped);
        send("n", event("next"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("note = 'next'") == 1);

        assertEquals(1, inbox.tombstones());
        List<ConsumerRecord<String, String>> parked = TopicReader.read(Topics.deadLetter(group), 1, Duration.ofSeconds(20));
        assertEquals(List.of(wronglyTyped), parked.stream().map(ConsumerRecord::value).toList(), "only the unmappable record");
        assertTrue(header(parked.get(0), "ktgs-error").contains("InvalidFormatException"), header(parked.get(0), "ktgs-error"));
        assertEquals(0, inbox.retrying(), "nothing waits to be retried");
        assertEquals(0, count("note = 'typed'"));
    }

    @Test
    void deadLettersWaitUntilReplayedAndAReplayAppliesEachOnce() throws Exception {
        start();
        String fixable = event("until-fixed");
        String hopeless = event("invalid");
        send("a", fixable);
        send("b", hopeless);
        send("c", event("next"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("note = 'next'") == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.parked() == 2);

        try (DeadLettersUnderTest dead = new DeadLettersUnderTest()) {
            DeadLetters.Status before = dead.letters.status();
            assertEquals(2, before.waiting());
            assertEquals(List.of(topic + "/0@0", topic + "/0@1"), before.records().stream().map(DeadLetters.Parked::origin).sorted().toList());
            assertTrue(before.records().get(0).error().contains("can never be applied"));
            assertTrue(before.oldestAgeSeconds() >= 0);
            assertEquals(2, dead.letters.lastWaiting());

            fixed.set(true); // the handler's bug is fixed
            send("a", fixable); // and the event arrives again meanwhile: applied once whatever the order
            await().atMost(Duration.ofSeconds(30)).until(() -> count("note = 'until-fixed'") == 1);
            producer.send(new ProducerRecord<>(Topics.deadLetter(group), 0, "a", fixable)).get(); // parked by an older version, without origin
            DeadLetters.Replay replay = dead.letters.replay();
            assertEquals(new DeadLetters.Replay(0, 1, 2, 2, null), replay,
                    "the fixable event had been applied since; the hopeless one and the one without origin wait again");
            assertEquals(1, count("note = 'until-fixed'"));
            assertEquals(0, count("note = 'invalid'"));

            DeadLetters.Replay again = dead.letters.replay();
            assertEquals(new DeadLetters.Replay(0, 0, 2, 2, null), again, "replaying again changes nothing");
            DeadLetters.Status after = dead.letters.status();
            assertEquals(2, after.waiting());
            assertTrue(after.oldestAgeSeconds() >= before.oldestAgeSeconds(), "parked again, the age is kept");

            assertEquals(new DeadLetters.Discarded(2), dead.letters.discard(), "the operator gives up on the hopeless two");
            assertEquals(0, dead.letters.status().waiting());
            assertEquals(0, dead.letters.lastWaiting());
            assertEquals(new DeadLetters.Replay(0, 0, 0, 0, null), dead.letters.replay());
            assertEquals(0, count("note = 'invalid'"));
            assertTrue(TopicReader.read(Topics.deadLetter(group), 6, Duration.ofSeconds(10)).size() >= 6,
                    "discarded records stay on the topic for whoever investigates");
        }
    }

    @Test
    void aReplayAppliesAParkedEventOnceItsCauseIsFixed() throws Exception {
        start();
        String fixable = event("until-fixed");
        send("a", fixable);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.parked() == 1);
        assertEquals(0, count("note = 'until-fixed'"));
        fixed.set(true);
        try (DeadLettersUnderTest dead = new DeadLettersUnderTest()) {
            assertEquals(new DeadLetters.Replay(1, 0, 0, 0, null), dead.letters.replay());
            assertEquals(1, count("note = 'until-fixed'"));
            assertEquals(1, processedCount(EventJson.mapper().readTree(fixable).get("id").asText()));
            assertEquals(0, dead.letters.status().waiting());
            assertEquals(new DeadLetters.Replay(0, 0, 0, 0, null), dead.letters.replay());
        }
    }

    /** The operator's side of this test's consumer group. */
    private final class DeadLettersUnderTest implements AutoCloseable {
        final DeadLetters letters = new DeadLetters(group, new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, DeadLetters.replayGroup(group),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer()),
                producer, InboxConsumerTest.this::apply, java.time.Clock.systemUTC());

        @Override
        public void close() {
            letters.close();
        }
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
