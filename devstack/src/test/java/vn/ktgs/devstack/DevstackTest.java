package vn.ktgs.devstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevstackTest {

    @Test
    void postgresStoresVietnameseTextInItsOwnDatabase() throws Exception {
        Devstack d = Devstack.shared();
        String url = d.database("devstack_check");
        try (var c = DriverManager.getConnection(url, d.postgres().user(), d.postgres().password());
             var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (name text)");
            s.execute("DELETE FROM t");
            try (var ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                ps.setString(1, "Đảng bộ phường Thành Sen");
                ps.executeUpdate();
            }
            var rs = s.executeQuery("SELECT name, current_setting('server_version_num')::int FROM t");
            assertTrue(rs.next());
            assertEquals("Đảng bộ phường Thành Sen", rs.getString(1));
            assertTrue(rs.getInt(2) >= 170000, "PostgreSQL 17 or later");
        }
    }

    @Test
    void kafkaBrokerCarriesARecordAndSurvivesARestart() throws Exception {
        Devstack d = Devstack.shared();
        send(d, "v1");
        d.broker().stop();
        d.broker().start();
        send(d, "v2");
        Map<String, Object> cfg = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, d.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(cfg, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("devstack.check"));
            long deadline = System.currentTimeMillis() + 20_000;
            while (seen.size() < 2 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.value());
                }
            }
        }
        assertEquals(List.of("v1", "v2"), seen);
    }

    @Test
    void theOrgDirectoryTopicIsCompacted() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers()))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, vn.ktgs.events.Topics.ORG_UNITS);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
            var planning = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, vn.ktgs.events.Topics.PLANNING);
            assertEquals("delete", admin.describeConfigs(List.of(planning)).all().get().get(planning).get("cleanup.policy").value());
        }
    }

    @Test
    void brokerVersionEqualsTheClientVersionTheQuarkusBomManages() {
        // kafka_2.13 (the broker) is pinned in devstack/pom.xml; kafka-clients comes from the BOM
        assertEquals(System.getProperty("broker.version"), AppInfoParser.getVersion());
    }

    private static void send(Devstack d, String value) throws Exception {
        Map<String, Object> cfg = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, d.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var p = new KafkaProducer<>(cfg, new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>("devstack.check", "k", value)).get();
        }
    }
}
