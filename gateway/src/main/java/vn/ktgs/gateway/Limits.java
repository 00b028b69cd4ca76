package vn.ktgs.gateway;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import vn.ktgs.edge.RequestHead;

import java.util.HashMap;
import java.util.Map;

/**
 * The caps on a request's target, headers and body ({@code ktgs.gateway.max-*}), each refused with a problem.
 * Netty refuses far larger targets and headers itself ({@code quarkus.http.limits.*}), with a bare status.
 */
@Singleton
public class Limits {
    private static final long LINGER_MILLIS = 5_000;

    private final int maxUri;
    private final long maxHeaders;
    private final long maxBody;
    private final Map<String, Long> bodyLimits = new HashMap<>();

    Limits(GatewayConfig config) {
        maxUri = config.maxUriLength();
        maxHeaders = config.maxHeaderSize().asLongValue();
        maxBody = config.maxBodySize().asLongValue();
        config.bodyLimits().forEach((path, size) -> bodyLimits.put(path, size.asLongValue()));
    }

    /** The cap on this request's body: its path's own, or the general one. */
    long maxBody(HttpServerRequest request) {
        return bodyLimits.getOrDefault(request.path(), maxBody);
    }

    /** Refuses a request whose target, headers or declared body are too large; says whether it did. */
    boolean refused(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUri) {
            refuse(ctx, Problem.URI_TOO_LONG, "The request target is longer than " + maxUri + " characters.");
        } else if (RequestHead.headerBytes(request.headers()) > maxHeaders) {
            refuse(ctx, Problem.HEADERS_TOO_LARGE, "The request headers are larger than " + maxHeaders + " bytes.");
        } else if (declaredLength(request) > maxBody(request)) {
            refuseBody(ctx);
        } else {
            return false;
        }
        return true;
    }

    /** For a body that turns out too large while it streams in. */
    void refuseBody(RoutingContext ctx) {
        refuse(ctx, Problem.CONTENT_TOO_LARGE, "The request body is larger than " + maxBody(ctx.request()) + " bytes.");
    }

    private static void refuse(RoutingContext ctx, Problem problem, String detail) {
        HttpServerRequest request = ctx.request();
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        if (http1) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        problem.send(ctx, detail);
        // Drop the rest of the body rather than closing at once: a client still sending would see a reset
        // connection instead of this answer. A client that keeps sending is cut off after a few seconds.
        request.handler(chunk -> { });
        request.endHandler(null);
        if (http1) {
            long timer = ctx.vertx().setTimer(LINGER_MILLIS, t -> request.connection().close());
            Handler<Void> close = v -> {
                ctx.vertx().cancelTimer(timer);
                request.connection().close();
            };
            if (request.isEnded()) {
                close.handle(null);
            } else {
                request.endHandler(close);
            }
        }
        request.resume();
    }

    /** Netty has already refused a malformed Content-Length, so it parses. */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length == null ? 0 : Long.parseLong(length);
    }
}
