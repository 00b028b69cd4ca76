package vn.ktgs.discipline;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.kit.contract.Management;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A consumer thread that dies makes liveness DOWN, so Kubernetes restarts the process instead of leaving
 * it up and deaf. Its own profile: the application it kills is not shared with other tests.
 */
@QuarkusTest
@TestProfile(DeadConsumerTest.OwnApplication.class)
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "discipline"))
class DeadConsumerTest {
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ktgs.test.crashing-handler", "true");
        }
    }

    @Test
    void aConsumerThreadKilledByAnUnexpectedErrorMakesLivenessDown() throws Exception {
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Devstack.shared().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            CloudEvent e = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/test",
                    "vn.ktgs.test.crash.v1", "k", Instant.now(), CloudEvent.JSON, null, null, EventJson.mapper().valueToTree(Map.of()));
            producer.send(new ProducerRecord<>(CrashingHandler.TOPIC, "k", EventJson.mapper().writeValueAsString(e))).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Management.given().get("/q/health/live").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'event plumbing' }.data.inboxConsumer", equalTo(false)));
        Management.given().get("/q/health/ready").then().statusCode(200); // the database and Kafka are still fine
    }
}
