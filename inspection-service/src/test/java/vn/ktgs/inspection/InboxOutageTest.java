package vn.ktgs.inspection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.kit.contract.Management;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.OrgUnitUpserted;
import vn.ktgs.events.Topics;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's consumer while its database is down for 10 s: events wait, none is parked, each applies once after. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "inspection"))
class InboxOutageTest {
    private static final UUID ROOT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Inject
    AgroalDataSource db;

    @Test
    void eventsArrivingWhileTheDatabaseIsDownAreAppliedOnceAfterwardsAndNoneIsParked() throws Exception {
        List<UUID> units = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Devstack.shared().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            Devstack.shared().postgres().refuseConnections("inspection");
            try {
                for (int n = 0; n < 30; n++) {
                    UUID id = UUID.randomUUID();
                    units.add(id);
                    CloudEvent e = unit(id, "Chi bộ " + n);
                    eventIds.add(e.id());
                    String event = EventJson.mapper().writeValueAsString(e);
                    producer.send(new ProducerRecord<>(Topics.ORG_UNITS, id.toString(), event)).get();
                    if (n % 10 == 0) {
                        producer.send(new ProducerRecord<>(Topics.ORG_UNITS, id.toString(), event)).get(); // redelivered
                    }
                }
                Thread.sleep(10_000);
                Management.given().get("/q/health/live").then().statusCode(200); // waiting is not dying
            } finally {
                Devstack.shared().postgres().allowConnections("inspection");
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> copies(units) == units.size());
        Thread.sleep(1_000);
        assertEquals(units.size(), copies(units));
        assertEquals(eventIds.size(), marks(eventIds), "each event applied once");
        assertTrue(deadLetters(eventIds).isEmpty(), "none of them was parked");
    }

    private static CloudEvent unit(UUID id, String name) {
        OrgUnitUpserted data = new OrgUnitUpserted(id, "O-" + id.toString().substring(0, 8), name, "CELL", ROOT, List.of(ROOT),
                false, false, false, true, 1, Instant.now());
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/planning-service",
                EventTypes.ORG_UNIT_UPSERTED, id.toString(), Instant.now(), CloudEvent.JSON, null, null,
                EventJson.mapper().valueToTree(data));
    }

    private long copies(List<UUID> ids) throws Exception {
        return count("SELECT count(*) FROM kit_org_unit_copy WHERE id = ANY (?)", "uuid", ids.toArray());
    }

    private long marks(List<String> eventIds) throws Exception {
        return count("SELECT count(*) FROM kit_processed_event WHERE consumer = 'inspection-service' AND event_id = ANY (?)",
                "text", eventIds.toArray());
    }

    private long count(String sql, String type, Object[] values) throws Exception {
        try (Connection c = db.getConnection(); var ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf(type, values));
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Those of {@code eventIds} on the dead-letter topic, which other tests' poison messages share. */
    private static List<String> deadLetters(List<String> eventIds) {
        List<String> seen = new ArrayList<>();
        try (var c = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(Topics.deadLetter("inspection-service")));
            for (int i = 0; i < 10; i++) {
                c.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (eventIds.stream().anyMatch(r.value()::contains)) {
                        seen.add(r.value());
                    }
                });
            }
        }
        return seen;
    }
}
