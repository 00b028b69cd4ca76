package vn.ktgs.kit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.events.EventJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads a topic from the start and waits for the events a test expects. */
public final class TopicWatcher {
    private TopicWatcher() {
    }

    /** Every event with this key (aggregate id) seen until {@code done} holds for the list or the time is up. */
    public static List<JsonNode> eventsFor(String topic, String key, Predicate<List<JsonNode>> done, Duration wait) {
        return recordsFor(topic, key, records -> done.test(records.stream().map(TopicWatcher::value).toList()), wait)
                .stream().map(TopicWatcher::value).toList();
    }

    /** The records themselves, headers included, for contract checks. */
    public static List<ConsumerRecord<String, String>> recordsFor(String topic, String key,
                                                                  Predicate<List<ConsumerRecord<String, String>>> done, Duration wait) {
        Map<String, Object> cfg = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "watch-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(cfg, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + wait.toMillis();
            while (System.currentTimeMillis() < deadline && !done.test(seen)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        seen.add(r);
                    }
                }
            }
        }
        return seen;
    }

    private static JsonNode value(ConsumerRecord<String, String> r) {
        try {
            return EventJson.mapper().readTree(r.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
