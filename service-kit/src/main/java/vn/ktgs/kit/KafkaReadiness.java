package vn.ktgs.kit;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ready only while a Kafka broker answers. Says how many brokers, never where they are: health output
 * is read by more people than the cluster's addresses should be (Quarkus' own Kafka check lists them).
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {
    private final Map<String, Object> kafkaConfig;
    private volatile Admin admin;

    KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3_000)).nodes()
                    .get(4, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("brokers", brokers).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("kafka").down().withData("reason", "no broker answered").build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>(kafkaConfig);
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness");
                    admin = Admin.create(config);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
