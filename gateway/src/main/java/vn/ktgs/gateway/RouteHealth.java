package vn.ktgs.gateway;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.ktgs.gateway.Upstreams.Upstream;

import java.time.Duration;

/** One readiness check per route: is the service behind it ready? */
@Singleton
public class RouteHealth {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    // Kubernetes and monitors poll readiness often; the services should not feel every poll.
    private static final Duration CACHED_FOR = Duration.ofSeconds(5);

    private final Upstreams upstreams;
    private final HealthRegistry readiness;

    RouteHealth(Upstreams upstreams, @Readiness HealthRegistry readiness) {
        this.upstreams = upstreams;
        this.readiness = readiness;
    }

    void register(@Observes StartupEvent started) {
        for (Upstream upstream : upstreams.all()) {
            Uni<HealthCheckResponse> check = probe(upstream).memoize().atLeast(CACHED_FOR);
            readiness.register(upstream.name(), () -> check);
        }
    }

    private Uni<HealthCheckResponse> probe(Upstream upstream) {
        return Uni.createFrom()
                .completionStage(() -> upstreams.client()
                        .request(upstream.target()
                                .setMethod(HttpMethod.GET)
                                .setURI("/q/health/ready")
                                .setTimeout(PROBE_TIMEOUT.toMillis()))
                        .compose(request -> request.send())
                        .compose(answer -> answer.body().map(ignored -> answer.statusCode()))
                        .toCompletionStage())
                .map(status -> HealthCheckResponse.named(upstream.name())
                        .status(status == 200)
                        .withData("status", status)
                        .build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(upstream.name())
                        .down()
                        .withData("error", "unreachable")
                        .build());
    }
}
