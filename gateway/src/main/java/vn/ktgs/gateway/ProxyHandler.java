package vn.ktgs.gateway;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import vn.ktgs.edge.RequestHead;
import vn.ktgs.gateway.Upstreams.Match;

import java.util.Locale;
import java.util.Optional;

/**
 * The public port: request id and size caps for every request; under {@code /api/}, the route, the token check and
 * then the service that serves the path. Nothing else is served there (health and metrics are on the management port).
 */
@Singleton
public class ProxyHandler {
    private static final String MATCH = "ktgs.match";
    // Read by Quarkus' HTTP metrics: requests are counted by route, not by a path full of record ids.
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final TokenCheck tokens;
    private final Limits limits;

    ProxyHandler(GatewayConfig config, Upstreams upstreams, TokenCheck tokens, Limits limits) {
        this.config = config;
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(-5).failureHandler(ProxyHandler::refusedBeforeAnyRoute);
        router.route().order(-4).handler(ProxyHandler::checkHead);
        // Ahead of Quarkus' own Content-Length check (order -2), which would answer 413 without a problem body.
        router.route().order(-3).handler(this::admit);
        router.route("/api/*").handler(this::authorize);
        router.route().last().handler(ProxyHandler::nothingHere);
    }

    /**
     * The management port: the same checks of the request's head, so that its refusals are problems too, and its
     * routes do not fail on a URI that cannot be parsed (Quarkus' own check is off: {@link vn.ktgs.edge.UriCheckedByRoute}).
     */
    void installManagement(@Observes ManagementInterface management) {
        management.router().route().order(-5).failureHandler(ProxyHandler::refusedBeforeAnyRoute);
        management.router().route().order(-4).handler(ProxyHandler::checkHead);
        management.router().route().order(-3).handler(ctx -> {
            if (!limits.refused(ctx)) {
                ctx.next();
            }
        });
        management.router().route().last().handler(ProxyHandler::nothingHere);
    }

    private static void nothingHere(RoutingContext ctx) {
        Problem.NOT_FOUND.send(ctx, "Nothing is served at " + ctx.request().path() + ".");
    }

    /** First on both ports: the request id, then a URI that every later route can parse, and one Host and token. */
    private static void checkHead(RoutingContext ctx) {
        identify(ctx);
        Optional<String> fault = RequestHead.uriFault(ctx.request().uri());
        Optional<String> repeated = RequestHead.repeatedHeader(ctx.request().headers()::getAll);
        if (fault.isEmpty() && repeated.isEmpty()) {
            ctx.next();
            return;
        }
        ctx.vertx().getOrCreateContext().putLocal(METRICS_URI_TEMPLATE, "/*");
        if (fault.isPresent()) {
            Problem.BAD_REQUEST.send(ctx, "The request's URI is not valid: " + fault.get()
                    + ". Characters outside those a URI allows must be percent-encoded (%XX, as UTF-8).");
        } else {
            Problem.BAD_REQUEST.sendField(ctx, repeated.get(), "header-once",
                    "The " + repeated.get() + " header is given more than once.");
        }
    }

    private static void identify(RoutingContext ctx) {
        String requestId = RequestHead.requestId(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.KEY, requestId);
        ctx.response().putHeader(RequestIds.HEADER, requestId);
    }

    /**
     * The router refuses a request before any route runs when it has no valid Host header or an empty path (400), or
     * a target that is not a path, such as {@code *} or an authority (404); Quarkus would answer with its own error
     * page, not a problem, and log an ERROR for what is the caller's mistake. Failures of requests that a route saw
     * (it gave them a request id) go on to Quarkus.
     */
    private static void refusedBeforeAnyRoute(RoutingContext ctx) {
        if (ctx.get(RequestIds.KEY) != null || ctx.response().headWritten()
                || (ctx.statusCode() != 400 && ctx.statusCode() != 404)) {
            ctx.next();
            return;
        }
        identify(ctx);
        ctx.vertx().getOrCreateContext().putLocal(METRICS_URI_TEMPLATE, "/*");
        if (ctx.statusCode() == 404) {
            Problem.NOT_FOUND.send(ctx, "Nothing is served at " + ctx.request().uri() + ".");
        } else {
            Problem.BAD_REQUEST.send(ctx, "The request needs a valid Host header and a path that starts with '/'.");
        }
    }

    private void admit(RoutingContext ctx) {
        // Routes are chosen by the normalised path (dot segments resolved, %2E decoded), the one that is forwarded.
        Optional<Match> match = upstreams.find(ctx.normalizedPath());
        ctx.put(MATCH, match);
        ctx.vertx().getOrCreateContext().putLocal(METRICS_URI_TEMPLATE,
                match.map(Match::prefix).orElse(ctx.normalizedPath().startsWith("/api/") ? "/api/*" : "/*"));
        if (limits.refused(ctx)) {
            return;
        }
        if (hasEncodedSeparator(ctx.request().path())) {
            Problem.BAD_REQUEST.send(ctx, "The path contains an encoded slash or backslash.");
            return;
        }
        ctx.next();
    }

    /** Unknown paths are 404 for everyone; a known route needs a valid token before anything is forwarded. */
    private void authorize(RoutingContext ctx) {
        Optional<Match> match = ctx.get(MATCH);
        if (match.isEmpty()) {
            Problem.NOT_FOUND.send(ctx, "No service serves " + ctx.normalizedPath() + ".");
            return;
        }
        ctx.request().pause(); // the body waits until it is known where it goes
        tokens.verify(ctx.vertx(), ctx.request().getHeader(HttpHeaders.AUTHORIZATION)).onComplete(checked -> {
            if (checked.succeeded()) {
                new Exchange(ctx, match.get().upstream(), limits, config.timeout()).start(upstreams.client());
            } else {
                TokenCheck.refuse(ctx, checked.cause());
            }
        });
    }

    /** A service might decode %2F or %5C and then see another path than the one the route was chosen by. */
    private static boolean hasEncodedSeparator(String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        return path.contains("%2f") || path.contains("%5c") || path.indexOf('\\') >= 0;
    }
}
