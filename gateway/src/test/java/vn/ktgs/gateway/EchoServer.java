package vn.ktgs.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A stand-in service. It answers with the body it received and reports what it received in
 * {@code X-Echo-*} headers; {@code X-Stub-Status} and {@code X-Stub-Delay-Ms} choose its status and delay, and
 * {@code X-Stub-Size} asks for that many zero bytes instead of the echoed body, {@code X-Stub-Location} a Location
 * header of that path under the address it was asked at (as a service builds it from its Host header); {@code X-Stub-Break-After} sends only
 * that many bytes of the declared answer and closes the connection (a crashing service), {@code X-Stub-Stall-After}
 * sends them and then nothing more (a hung one).
 * {@code GET /__stats} (asked directly, not through the gateway) counts the requests it saw.
 */
final class EchoServer {
    private static final List<String> ECHOED = List.of(
            "Authorization", "X-Request-Id", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Content-Type",
            "traceparent");

    /**
     * Requests whose body arrived whole, requests whose body was cut off, health probes, and answers written out
     * whole (to the socket: not necessarily read by anyone yet).
     */
    record Stats(int completed, int aborted, int probes, int answered) {
        /** Requests that reached the service, whole or not. */
        int received() {
            return completed + aborted;
        }

        static Stats of(String baseUrl) throws IOException, InterruptedException {
            String[] n = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(baseUrl + "/__stats")).build(), HttpResponse.BodyHandlers.ofString())
                    .body().split(",");
            return new Stats(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]), Integer.parseInt(n[3]));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger aborted = new AtomicInteger();
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    EchoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::echo);
        server.createContext("/q/health/ready", exchange -> {
            probes.incrementAndGet();
            reply(exchange, 200, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
        });
        // what a service's management interface shows of its API (the gateway combines these)
        server.createContext("/q/openapi", exchange -> reply(exchange, 200, ("{\"openapi\":\"3.1.0\",\"paths\":{\"/api/v1/plans\":"
                + "{\"get\":{\"operationId\":\"PlanResource_list\",\"responses\":{\"200\":{\"content\":{\"application/json\":"
                + "{\"schema\":{\"$ref\":\"#/components/schemas/Page\"}}}}}}}},\"components\":{\"schemas\":{\"Page\":"
                + "{\"type\":\"object\"}},\"securitySchemes\":{\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\"}}}}")
                .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/__stats", exchange -> reply(exchange, 200,
                (completed.get() + "," + aborted.get() + "," + probes.get() + "," + answered.get()).getBytes(StandardCharsets.UTF_8)));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void echo(HttpExchange exchange) throws IOException {
        byte[] body;
        try {
            body = exchange.getRequestBody().readAllBytes();
        } catch (IOException cutOff) {
            aborted.incrementAndGet();
            exchange.close();
            return;
        }
        completed.incrementAndGet();
        Headers in = exchange.getRequestHeaders();
        Headers out = exchange.getResponseHeaders();
        out.set("X-Echo-Method", exchange.getRequestMethod());
        out.set("X-Echo-Uri", exchange.getRequestURI().toString());
        for (String name : ECHOED) {
            if (in.containsKey(name)) {
                out.set("X-Echo-" + name, String.join(" | ", in.get(name))); // every value, should there be several
            }
        }
        out.set("X-Echo-Header-Names", in.keySet().stream()
                .map(n -> n.toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(",")));
        out.set("X-Echo-Body-Sha256", sha256(body));
        out.set("Content-Type", in.containsKey("Content-Type") ? in.getFirst("Content-Type") : "application/octet-stream");
        String location = in.getFirst("X-Stub-Location");
        if (location != null) {
            out.set("Location", "http://" + in.getFirst("Host") + location);
        }
        String delay = in.getFirst("X-Stub-Delay-Ms");
        if (delay != null) {
            try {
                Thread.sleep(Long.parseLong(delay));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String status = in.getFirst("X-Stub-Status");
        String size = in.getFirst("X-Stub-Size");
        byte[] answer = size == null ? body : new byte[Integer.parseInt(size)];
        String breakAfter = in.getFirst("X-Stub-Break-After");
        String stallAfter = in.getFirst("X-Stub-Stall-After");
        if (breakAfter != null || stallAfter != null) {
            sendPart(exchange, answer, Integer.parseInt(breakAfter != null ? breakAfter : stallAfter));
        } else {
            reply(exchange, status == null ? 200 : Integer.parseInt(status), answer);
        }
        answered.incrementAndGet();
        if (breakAfter != null) {
            throw new IOException("broken off"); // the server closes the connection of a handler that fails
        }
    }

    /** Declares the whole answer and sends only its first bytes, leaving the exchange open. */
    private static void sendPart(HttpExchange exchange, byte[] answer, int sent) throws IOException {
        exchange.sendResponseHeaders(200, answer.length);
        OutputStream os = exchange.getResponseBody();
        os.write(answer, 0, sent);
        os.flush();
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
