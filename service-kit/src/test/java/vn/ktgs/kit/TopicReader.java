package vn.ktgs.kit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.ktgs.devstack.Devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a topic from the beginning, for assertions on what was published. */
final class TopicReader {
    private TopicReader() {
    }

    /** Everything on the topic, waiting up to {@code wait} for at least {@code expected} records, then a little more for extras. */
    static List<ConsumerRecord<String, String>> read(String topic, int expected, Duration wait) {
        Map<String, Object> cfg = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(cfg, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + wait.toMillis();
            long settle = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, settle)) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                if (seen.size() >= expected && settle == Long.MAX_VALUE) {
                    settle = System.currentTimeMillis() + 1_000;
                }
            }
        }
        return seen;
    }
}
