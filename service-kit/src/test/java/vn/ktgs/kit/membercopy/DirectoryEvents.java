package vn.ktgs.kit.membercopy;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.MemberUpserted;
import vn.ktgs.events.OrgUnitUpserted;
import vn.ktgs.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The directory's events as planning-service puts them on the wire (structured CloudEvents with their
 * content-type header), for tests of the services that keep copies of it.
 */
public final class DirectoryEvents implements AutoCloseable {
    public static final UUID ROOT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());

    /** An active unit with UBKT and BTV under {@code ancestors} (root first). */
    public static CloudEvent orgUnit(UUID id, List<UUID> ancestors, String name, String level, long version) {
        OrgUnitUpserted data = new OrgUnitUpserted(id, "U-" + id.toString().substring(0, 8), name, level,
                ancestors.get(ancestors.size() - 1), ancestors, true, true, false, true, version, Instant.now());
        return event(EventTypes.ORG_UNIT_UPSERTED, id, EventJson.mapper().valueToTree(data));
    }

    /** An official member of {@code unit} with no seat, state post or managing unit. */
    public static MemberUpserted member(UUID id, UUID unit, String fullName, long version) {
        return new MemberUpserted(id, "52." + id.toString().substring(0, 6), fullName, unit, "OFFICIAL",
                LocalDate.of(2020, 5, 19), List.of(), null, null, false, version, Instant.now());
    }

    public static CloudEvent memberEvent(MemberUpserted data) {
        return memberEvent(data.id(), EventJson.mapper().valueToTree(data));
    }

    /** Any data under the member type, the contract's or not. */
    public static CloudEvent memberEvent(UUID id, JsonNode data) {
        return event(EventTypes.MEMBER_UPSERTED, id, data);
    }

    private static CloudEvent event(String type, UUID subject, JsonNode data) {
        return event("/ktgs/planning-service", type, subject, data);
    }

    /** An event of another producer, with a fresh id. */
    public static CloudEvent event(String source, String type, UUID subject, JsonNode data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                subject.toString(), Instant.now(), CloudEvent.JSON, null, null, data);
    }

    /** The record's value as it goes on the wire. */
    public static String wire(CloudEvent e) {
        try {
            return EventJson.mapper().writeValueAsString(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    /** Publishes to the topic of the event's type, keyed by its subject, and waits for the broker's ack. */
    public void publish(CloudEvent e) throws Exception {
        publish(EventTypes.MEMBER_UPSERTED.equals(e.type()) ? Topics.MEMBERS : Topics.ORG_UNITS, e);
    }

    /** Publishes to {@code topic}, keyed by the event's subject, and waits for the broker's ack. */
    public void publish(String topic, CloudEvent e) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, e.subject(), wire(e));
        r.headers().add(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(r).get();
    }

    /** Which of {@code values} are on the dead-letter topic, polling for up to {@code wait}. */
    public static Set<String> parked(String deadLetterTopic, Set<String> values, Duration wait) {
        Set<String> found = new HashSet<>();
        try (var c = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(deadLetterTopic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (found.size() < values.size() && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (values.contains(r.value())) {
                        found.add(r.value());
                    }
                });
            }
        }
        return found;
    }

    @Override
    public void close() {
        producer.close();
    }
}
