package vn.ktgs.gateway;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import vn.ktgs.gateway.Upstreams.Upstream;

import java.time.Duration;
import java.util.List;

/**
 * The state of each route's service, as data: always UP itself, since a service that is down costs only its own
 * routes (503) and must not take the gateway out of rotation. Names only, never where the services live.
 */
@Readiness
@Singleton
public class RouteHealth implements AsyncHealthCheck {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    // Kubernetes and monitors poll readiness often; the services should not feel every poll.
    private static final Duration CACHED_FOR = Duration.ofSeconds(5);

    private record Route(String name, Uni<String> state) {
    }

    private final Upstreams upstreams;
    private final List<Route> routes;

    RouteHealth(Upstreams upstreams) {
        this.upstreams = upstreams;
        this.routes = upstreams.all().stream()
                .map(upstream -> new Route(upstream.name(), probe(upstream).memoize().atLeast(CACHED_FOR)))
                .toList();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.join().all(routes.stream().map(Route::state).toList()).andFailFast().map(states -> {
            HealthCheckResponseBuilder health = HealthCheckResponse.named("routes").up();
            for (int i = 0; i < routes.size(); i++) {
                health.withData(routes.get(i).name(), states.get(i));
            }
            return health.build();
        });
    }

    /** UP, DOWN (the service answers but is not ready) or unreachable. */
    private Uni<String> probe(Upstream upstream) {
        return Uni.createFrom()
                .completionStage(() -> upstreams.client()
                        .request(new RequestOptions()
                                .setAbsoluteURI(upstream.health().toString())
                                .setMethod(HttpMethod.GET)
                                .setTimeout(PROBE_TIMEOUT.toMillis()))
                        .compose(request -> request.send())
                        .compose(answer -> answer.body().map(ignored -> answer.statusCode()))
                        .toCompletionStage())
                .map(status -> status == 200 ? "UP" : "DOWN")
                .onFailure().recoverWithItem("unreachable");
    }
}
