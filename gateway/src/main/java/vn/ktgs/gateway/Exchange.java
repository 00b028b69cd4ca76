package vn.ktgs.gateway;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
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
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import vn.ktgs.gateway.Upstreams.Upstream;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One admitted request on its way to a service, and the answer on its way back; both bodies are streamed.
 *
 * <p>The request to the service is reset only while its body is still being sent: until then it has its pooled
 * connection to itself. Once sent whole, the connection goes back to the pool the moment the service's answer has
 * arrived, possibly before the caller has read all of it, and a reset then would close the connection under another
 * caller's request. So an answer nobody waits for any more is read to its end and dropped.
 */
final class Exchange {
    private static final Logger LOG = Logger.getLogger(Exchange.class);
    private static final List<String> TRACE_CONTEXT = List.of("traceparent", "tracestate", "baggage");

    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final String requestId;
    private final Upstream upstream;
    private final Limits limits;
    private final Duration timeout;
    private HttpClientRequest outbound;
    private long received;
    private boolean answered;

    Exchange(RoutingContext ctx, Upstream upstream, Limits limits, Duration timeout) {
        this.ctx = ctx;
        this.request = ctx.request();
        this.response = ctx.response();
        this.requestId = ctx.get(RequestIds.KEY);
        this.upstream = upstream;
        this.limits = limits;
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
        // OpenTelemetry adds the trace context itself: the caller's trace, continued by the gateway's span.
        TRACE_CONTEXT.forEach(headers::remove);
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
        if (response.closed()) {
            outbound.reset(); // the caller left while a connection was found; nothing has been sent yet
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            response.writeContinue();
        }
        if (request.isEnded()) {
            outbound.end();
            return;
        }
        request.handler(this::forward);
        // Fires only while the body is still arriving, so the connection is still this request's alone.
        request.exceptionHandler(e -> outbound.reset());
        request.endHandler(v -> outbound.end());
        request.resume();
    }

    private void forward(Buffer chunk) {
        received += chunk.length();
        if (received > limits.maxBody(request)) {
            // A body without a Content-Length grew past the cap: the service must not act on a cut-off request.
            // The caller is answered first: the reset fails the exchange at once, and fail() must find it answered.
            if (response.headWritten()) {
                response.reset();
            } else {
                limits.refuseBody(ctx);
            }
            outbound.reset();
            return;
        }
        // Neither Content-Length nor chunked (the Transfer-Encoding is not forwarded): send it chunked.
        if (!outbound.isChunked() && !outbound.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            outbound.setChunked(true);
        }
        outbound.write(chunk);
        // The timeout is for the service's silence; a caller's slow upload must not use it up. Once the answer has
        // come, Vert.x no longer times the request, and a timer set now could fire after the connection is reused.
        if (!answered) {
            outbound.idleTimeout(timeout.toMillis());
        }
        if (outbound.writeQueueFull()) {
            request.pause();
            outbound.drainHandler(v -> request.resume());
        }
    }

    private void relay(HttpClientResponse answer) {
        answered = true;
        if (response.ended() || response.closed()) {
            return; // nobody waits for it: it is read and dropped
        }
        int status = answer.statusCode();
        response.setStatusCode(status).setStatusMessage(answer.statusMessage());
        response.headers().addAll(Headers.endToEnd(answer.headers())).set(RequestIds.HEADER, requestId);
        String location = answer.getHeader(HttpHeaders.LOCATION);
        if (location != null) {
            response.headers().set(HttpHeaders.LOCATION, upstream.callerLocation(location));
        }
        if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH) && status != 204 && status != 304) {
            response.setChunked(true);
        }
        // If the caller goes away, the pipe drops the rest of the answer. If the service's answer breaks off or
        // stalls, the caller must see a broken response, not one that looks complete.
        Caller caller = new Caller();
        caller.watch(timeout.toMillis());
        answer.pipe().endOnFailure(false).to(caller).onComplete(done -> {
            caller.stopWatching();
            if (done.failed() && !caller.failed) {
                response.reset();
            }
        });
    }

    /**
     * The caller's side of the relay. It remembers whether the caller's connection failed (a write to it, or its
     * close): only a failure of the service's answer resets the caller, since a reset after a failed write, before
     * Vert.x has marked the connection closed, would write to it again (Netty logs a buffer released twice).
     * It also watches for an answer that stops coming: Vert.x's timeout ends when the answer's head arrives.
     */
    private final class Caller implements WriteStream<Buffer> {
        private boolean failed;
        private boolean ended;
        private long lastData = System.nanoTime();
        private long timer = -1;

        /**
         * Resets the service's request once no part of its answer came for the timeout. Until the answer ends, its
         * connection is this exchange's alone, so the reset cannot touch another caller's request.
         */
        void watch(long delayMs) {
            timer = ctx.vertx().setTimer(delayMs, id -> {
                if (ended) {
                    return;
                }
                long quietMs = (System.nanoTime() - lastData) / 1_000_000;
                if (quietMs < timeout.toMillis()) {
                    watch(timeout.toMillis() - quietMs);
                    return;
                }
                LOG.warnf("request %s: %s stopped answering for %d ms", requestId, upstream.name(), quietMs);
                outbound.reset();
            });
        }

        void stopWatching() {
            ended = true;
            ctx.vertx().cancelTimer(timer);
        }

        @Override
        public Caller exceptionHandler(Handler<Throwable> handler) {
            response.exceptionHandler(handler == null ? null : e -> {
                failed = true;
                handler.handle(e);
            });
            return this;
        }

        @Override
        public Future<Void> write(Buffer data) {
            lastData = System.nanoTime();
            return response.write(data).onFailure(e -> failed = true);
        }

        @Override
        public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
            write(data).onComplete(handler);
        }

        @Override
        public void end(Handler<AsyncResult<Void>> handler) {
            stopWatching(); // the answer has ended: its connection may already serve another request
            response.end().onFailure(e -> failed = true).onComplete(handler);
        }

        @Override
        public Caller setWriteQueueMaxSize(int maxSize) {
            response.setWriteQueueMaxSize(maxSize);
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return response.writeQueueFull();
        }

        @Override
        public Caller drainHandler(Handler<Void> handler) {
            response.drainHandler(handler);
            return this;
        }
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
        } else if (cause instanceof ConnectException) {
            LOG.warnf("request %s: %s is not available: %s", requestId, upstream.name(), cause.getMessage());
            Problem.SERVICE_UNAVAILABLE.send(ctx, "The " + upstream.name() + " service is not available.");
        } else {
            LOG.warnf("request %s: %s could not be reached: %s", requestId, upstream.name(), cause);
            Problem.BAD_GATEWAY.send(ctx, "The " + upstream.name() + " service could not be reached.");
        }
    }
}
