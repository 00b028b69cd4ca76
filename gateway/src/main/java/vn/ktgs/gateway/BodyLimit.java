package vn.ktgs.gateway;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/** The cap on request bodies ({@code ktgs.gateway.max-body-size}) and the 413 answer. */
@Singleton
public class BodyLimit {
    private static final long LINGER_MILLIS = 5_000;

    private final long max;

    BodyLimit(GatewayConfig config) {
        max = config.maxBodySize().asLongValue();
    }

    long max() {
        return max;
    }

    /** Netty has already refused a malformed Content-Length, so it parses. */
    boolean declaredTooLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && Long.parseLong(length) > max;
    }

    void refuse(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        if (http1) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        Problem.CONTENT_TOO_LARGE.send(ctx, "The request body is larger than " + max + " bytes.");
        // Drop the rest of the body rather than closing at once: a client still sending would see a reset
        // connection instead of this answer. A client that keeps sending is cut off after a few seconds.
        request.handler(chunk -> { });
        request.endHandler(null);
        if (http1) {
            long timer = ctx.vertx().setTimer(LINGER_MILLIS, t -> request.connection().close());
            request.endHandler(v -> {
                ctx.vertx().cancelTimer(timer);
                request.connection().close();
            });
        }
        request.resume();
    }
}
