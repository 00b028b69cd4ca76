package vn.ktgs.kit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live only while the outbox relay and the inbox consumer threads run: a thread that died never comes
 * back by itself, so Kubernetes must restart the process (database and Kafka have readiness checks).
 */
@Liveness
@ApplicationScoped
public class KitHealth implements HealthCheck {
    private final KitRuntime runtime;

    KitHealth(KitRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event plumbing")
                .status(runtime.relayAlive() && runtime.inboxAlive())
                .withData("outboxRelay", runtime.relayAlive())
                .withData("inboxConsumer", runtime.inboxAlive())
                .build();
    }
}
