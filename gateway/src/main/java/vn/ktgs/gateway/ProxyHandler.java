package vn.ktgs.gateway;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import vn.ktgs.gateway.Upstreams.Match;

import java.util.Optional;

/** Everything under {@code /api/}: request id, size cap, token check, then the service that serves the path. */
@Singleton
public class ProxyHandler {
    private static final String MATCH = "ktgs.match";
    // Read by Quarkus' HTTP metrics: requests are counted by route, not by a path full of record ids.
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final TokenCheck tokens;
    private final BodyLimit limit;

    ProxyHandler(GatewayConfig config, Upstreams upstreams, TokenCheck tokens, BodyLimit limit) {
        this.config = config;
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.limit = limit;
    }

    void install(@Observes Router router) {
        // Ahead of Quarkus' own Content-Length check (order -2), which would answer 413 without a problem body.
        router.route("/api/*").order(-3).handler(this::admit);
        router.route("/api/*").handler(this::authorize);
    }

    private void admit(RoutingContext ctx) {
        String requestId = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.KEY, requestId);
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        Optional<Match> match = upstreams.find(ctx.normalizedPath());
        ctx.put(MATCH, match);
        ctx.vertx().getOrCreateContext().putLocal(METRICS_URI_TEMPLATE, match.map(Match::prefix).orElse("/api/*"));
        if (limit.declaredTooLarge(ctx.request())) {
            limit.refuse(ctx);
        } else {
            ctx.next();
        }
    }

    private void authorize(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause(); // the body waits until it is known where it goes
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        ctx.vertx().executeBlocking(() -> {
            tokens.verify(authorization);
            return null;
        }, false).onComplete(checked -> {
            if (checked.succeeded()) {
                forward(ctx);
            } else if (checked.cause() instanceof TokenCheck.Rejected rejected) {
                ctx.response().putHeader("WWW-Authenticate", rejected.challenge());
                Problem.UNAUTHORIZED.send(ctx, rejected.getMessage());
            } else {
                ctx.fail(checked.cause());
            }
        });
    }

    private void forward(RoutingContext ctx) {
        Optional<Match> match = ctx.get(MATCH);
        if (match.isEmpty()) {
            Problem.NOT_FOUND.send(ctx, "No service serves " + ctx.normalizedPath() + ".");
            return;
        }
        new Exchange(ctx, match.get().upstream(), limit, config.timeout()).start(upstreams.client());
    }
}
