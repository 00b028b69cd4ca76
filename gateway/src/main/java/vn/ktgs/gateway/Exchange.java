package vn.ktgs.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import vn.ktgs.gateway.Upstreams.Upstream;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** One admitted request on its way to a service, and the answer on its way back; both bodies are streamed. */
final class Exchange {
    private static final Logger LOG = Logger.getLogger(Exchange.class);

    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final String requestId;
    private final Upstream upstream;
    private final BodyLimit limit;
    private final Duration timeout;
    private HttpClientRequest outbound;
    private long received;

    Exchange(RoutingContext ctx, Upstream upstream, BodyLimit limit, Duration timeout) {
        this.ctx = ctx;
        this.request = ctx.request();
        this.response = ctx.response();
        this.requestId = ctx.get(RequestIds.KEY);
        this.upstream = upstream;
        this.limit = limit;
        this.timeout = timeout;
    }

    void start(HttpClient client) {
        String query = request.query();
        client.request(upstream.target()
                        .setMethod(request.method())
                        // The normalised path is the one the route was chosen by: dot segments must not lead elsewhere.
                        .setURI(ctx.normalizedPath() + (query == null ? "" : "?" + query))
                        .setHeaders(forwardedHeaders())
                        .setTimeout(timeout.toMillis()))
                .onSuccess(this::send)
                .onFailure(this::fail);
    }

    private MultiMap forwardedHeaders() {
        MultiMap headers = Headers.endToEnd(request.headers());
        headers.remove(HttpHeaders.EXPECT); // answered by the gateway, see send()
        headers.set(RequestIds.HEADER, requestId);
        SocketAddress client = request.remoteAddress();
        if (client != null) {
            String chain = request.getHeader("X-Forwarded-For");
            headers.set("X-Forwarded-For", chain == null ? client.hostAddress() : chain + ", " + client.hostAddress());
        }
        headers.set("X-Forwarded-Proto", request.scheme());
        HostAndPort authority = request.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
        }
        return headers;
    }

    private void send(HttpClientRequest outbound) {
        this.outbound = outbound;
        outbound.response().onSuccess(this::relay).onFailure(this::fail);
        outbound.exceptionHandler(e -> { }); // failures reach fail() through the response; Vert.x would log them too
        // A caller who has gone away should not keep the service busy.
        response.closeHandler(v -> outbound.reset());
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            response.writeContinue();
        }
        if (request.isEnded()) {
            outbound.end();
            return;
        }
        request.handler(this::forward);
        request.exceptionHandler(e -> outbound.reset());
        request.endHandler(v -> outbound.end());
        request.resume();
    }

    private void forward(Buffer chunk) {
        received += chunk.length();
        if (received > limit.max()) {
            // A body without a Content-Length grew past the cap: the service must not act on a cut-off request.
            outbound.reset();
            if (response.headWritten()) {
                response.reset();
            } else {
                limit.refuse(ctx);
            }
            return;
        }
        // Neither Content-Length nor chunked (the Transfer-Encoding is not forwarded): send it chunked.
        if (!outbound.isChunked() && !outbound.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            outbound.setChunked(true);
        }
        outbound.write(chunk);
        // The timeout is for the service's silence; a caller's slow upload must not use it up.
        outbound.idleTimeout(timeout.toMillis());
        if (outbound.writeQueueFull()) {
            request.pause();
            outbound.drainHandler(v -> request.resume());
        }
    }

    private void relay(HttpClientResponse answer) {
        if (response.ended() || response.closed()) {
            outbound.reset();
            return;
        }
        int status = answer.statusCode();
        response.setStatusCode(status).setStatusMessage(answer.statusMessage());
        response.headers().addAll(Headers.endToEnd(answer.headers())).set(RequestIds.HEADER, requestId);
        if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH) && status != 204 && status != 304) {
            response.setChunked(true);
        }
        // On failure the caller must see a broken response, not one that looks complete.
        answer.pipe().endOnFailure(false).to(response).onFailure(e -> {
            outbound.reset();
            response.reset();
        });
    }

    private void fail(Throwable cause) {
        if (response.ended() || response.closed()) {
            return; // already answered (413), or nobody left to answer
        }
        if (response.headWritten()) {
            response.reset();
        } else if (cause instanceof TimeoutException) {
            LOG.warnf("request %s: %s did not answer within %d ms", requestId, upstream.name(), timeout.toMillis());
            Problem.GATEWAY_TIMEOUT.send(ctx, "The " + upstream.name() + " service did not answer in time.");
        } else {
            LOG.warnf("request %s: %s could not be reached: %s", requestId, upstream.name(), cause);
            Problem.BAD_GATEWAY.send(ctx, "The " + upstream.name() + " service could not be reached.");
        }
    }
}
