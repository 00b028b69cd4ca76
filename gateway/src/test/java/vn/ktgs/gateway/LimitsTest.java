package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests too large in any part, and paths that try to leave the API, get a problem and never reach a service. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class LimitsTest {
    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aUriOverTheLimitIsA414Problem() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        given().urlEncodingEnabled(false)
                .header("Authorization", Fixtures.bearer())
                .header("X-Request-Id", "long-uri-1")
                .when().get("/api/v1/plans?q=" + "a".repeat(5000))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .header("X-Request-Id", "long-uri-1")
                .body("type", equalTo("https://ktgs.vn/problems/uri-too-long"))
                .body("status", equalTo(414))
                .body("detail", containsString("4000 characters"))
                .body("instance", equalTo("/api/v1/plans"))
                .body("requestId", equalTo("long-uri-1"));
        assertEquals(before.received(), Fixtures.stats().received(), "requests that reached the service");
    }

    @Test
    void headersOverTheLimitAreA431Problem() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        given().header("Authorization", Fixtures.bearer())
                .header("X-Request-Id", "big-headers-1")
                .header("X-Filler", "b".repeat(9000))
                .header("X-Filler-2", "c".repeat(9000))
                .when().get("/api/v1/plans")
                .then()
                .statusCode(431)
                .contentType("application/problem+json")
                .header("X-Request-Id", "big-headers-1")
                .body("type", equalTo("https://ktgs.vn/problems/request-header-fields-too-large"))
                .body("status", equalTo(431))
                .body("detail", containsString("16384 bytes"))
                .body("requestId", equalTo("big-headers-1"));
        assertEquals(before.received(), Fixtures.stats().received(), "requests that reached the service");
    }

    @Test
    void everyChunkedBodyOverTheCapIsA413Problem() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        byte[] body = new byte[4 * 1024 * 1024];
        // Each on a fresh connection: the answer must not depend on which event loop serves the caller or the service.
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/plans"))
                                    .header("Authorization", Fixtures.bearer())
                                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("\"type\":\"https://ktgs.vn/problems/content-too-large\""), response.body());
        }
        assertEquals(before.completed(), Fixtures.stats().completed(), "whole requests that reached the service");
    }

    @Test
    void theImportPathHasALargerCapOfItsOwn() throws Exception {
        byte[] body = new byte[12 * 1024 * 1024]; // over the general cap, within the import's 40M
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        EchoServer.Stats before = Fixtures.stats();
        HttpResponse<String> imported = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/api/v1/members:import"))
                .header("Authorization", Fixtures.bearer()).header("X-Echo-Uri", "/api/v1/members:import")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(before.completed() + 1, Fixtures.stats().completed(), "the whole body reached the service");

        HttpResponse<String> plan = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/members"))
                .header("Authorization", Fixtures.bearer())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, plan.statusCode(), "other paths keep the general cap");
        assertTrue(plan.body().contains("content-too-large"), plan.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/%2e%2e/q/metrics", "/api/v1/%2e%2e/q/metrics", "/api/v1/plans/%2E%2E/%2e%2e/%2e%2e/q/health",
            "/api/v1/plans/%2e%2e/%2e%2e/%2e%2e/%2e%2e/q/metrics", "/api/..%2f..%2fq/metrics", "/api/v1/plans/..%5C..%5Cq"})
    void aPathThatLeavesTheApiIsAProblemAndReachesNoService(String path) throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        for (boolean withToken : new boolean[] {false, true}) {
            var request = given().urlEncodingEnabled(false);
            if (withToken) {
                request.header("Authorization", Fixtures.bearer());
            }
            Response response = request.when().get(path)
                    .then()
                    .contentType("application/problem+json")
                    .header("X-Request-Id", matchesPattern(UUID))
                    .extract().response();
            int status = response.statusCode();
            assertTrue(status == 400 || status == 404, path + ": " + status);
            assertEquals(status, response.<Integer>path("status"));
            assertEquals(response.header("X-Request-Id"), response.path("requestId"));
        }
        assertEquals(before.received(), Fixtures.stats().received(), "requests that reached the service");
    }

    /** Sent as raw bytes: HTTP clients refuse to send such a URI at all. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/plans/%zz", "/api/v1/plans/a|b", "/api/v1/org-units?q=a|b", "/api/v1/org-units?q=%zz",
            "/api/v1/org-units?q=50%", "/api/v1/plans/%", "/api/v1/plans/{id}"})
    void aMalformedUriIsA400ProblemAndReachesNoService(String target) throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        assertMalformedUriProblem(RestAssured.port, target, "");
        assertMalformedUriProblem(RestAssured.port, target, "Authorization: " + Fixtures.bearer() + "\r\n");
        assertEquals(before.received(), Fixtures.stats().received(), "requests that reached the service");
    }

    @Test
    void aMalformedUriOnTheManagementPortIsA400ProblemToo() throws Exception {
        assertMalformedUriProblem(managementPort, "/q/health/%zz", "");
        assertMalformedUriProblem(managementPort, "/q/metrics?name=a|b", "");
    }

    @Test
    void theManagementPortRefusesATargetOrHeadersOverTheCapsWithAProblemToo() throws Exception {
        // Netty's own caps there (4 KiB line, 8 KiB headers by default) answered with a bare status
        JsonPath target = rawProblem(managementPort, "/q/health?x=" + "a".repeat(30_000), "", 414);
        assertEquals("https://ktgs.vn/problems/uri-too-long", target.getString("type"));
        assertEquals("The request target is longer than 4000 characters.", target.getString("detail"));
        JsonPath headers = rawProblem(managementPort, "/q/health", "X-Filler: " + "f".repeat(30_000) + "\r\n", 431);
        assertEquals("https://ktgs.vn/problems/request-header-fields-too-large", headers.getString("type"));
        assertEquals("The request headers are larger than 16384 bytes.", headers.getString("detail"));
    }

    private static void assertMalformedUriProblem(int port, String target, String headers) throws IOException {
        JsonPath body = rawProblem(port, target, headers, 400);
        assertEquals("https://ktgs.vn/problems/validation", body.getString("type"));
        assertTrue(body.getString("detail").startsWith("The request's URI is not valid: "), body.getString("detail"));
    }

    @Test
    void aRequestTheRouterRefusesBeforeAnyRouteIsAProblemOnBothPorts() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        for (int port : new int[] {RestAssured.port, managementPort}) {
            for (String head : new String[] {"GET /api/v1/plans HTTP/1.1\r\n", "GET /api/v1/plans HTTP/1.1\r\nHost: a b\r\n"}) {
                JsonPath body = rawProblem(port, head + "X-Request-Id: bad-uri-1\r\nConnection: close\r\n\r\n", 400);
                assertEquals("https://ktgs.vn/problems/validation", body.getString("type"));
                assertEquals("The request needs a valid Host header and a path that starts with '/'.", body.getString("detail"));
            }
            JsonPath body = rawProblem(port, "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: bad-uri-1\r\n"
                    + "Connection: close\r\n\r\n", 404);
            assertEquals("https://ktgs.vn/problems/not-found", body.getString("type"));
        }
        assertEquals(before.received(), Fixtures.stats().received(), "requests that reached the service");
    }

    @Test
    void aHostOrTokenGivenTwiceIsA400ProblemAndReachesNoService() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        for (String twice : new String[] {"Host", "Authorization"}) {
            String head = "GET /api/v1/plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Fixtures.bearer() + "\r\n"
                    + twice + ": " + (twice.equals("Host") ? "elsewhere" : Fixtures.bearer()) + "\r\n"
                    + "X-Request-Id: bad-uri-1\r\nConnection: close\r\n\r\n";
            JsonPath body = rawProblem(RestAssured.port, head, 400);
            assertEquals("https://ktgs.vn/problems/validation", body.getString("type"));
            assertEquals(twice, body.getString("errors[0].field"));
            assertEquals("header-once", body.getString("errors[0].rule"));
        }
        assertEquals(before.received(), Fixtures.stats().received(), "requests that reached the service");
    }

    /** Sends a GET as it is written and checks that the answer is a problem with the request id. */
    private static JsonPath rawProblem(int port, String target, String headers, int status) throws IOException {
        return rawProblem(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: bad-uri-1\r\n"
                + "Connection: close\r\n" + headers + "\r\n", status);
    }

    private static JsonPath rawProblem(int port, String request, int status) throws IOException {
        String target = request.substring(0, request.indexOf("\r\n"));
        String answer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertTrue(head.startsWith("http/1.1 " + status + " "), target.substring(0, Math.min(80, target.length())) + ": " + head);
        assertTrue(head.contains("content-type: application/problem+json"), head);
        JsonPath body = new JsonPath(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals(status, body.getInt("status"));
        assertEquals("bad-uri-1", body.getString("requestId"));
        return body;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/ready", "/", "/index.html"})
    void thePublicPortServesNothingButTheApi(String path) {
        given().when().get(path)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ktgs.vn/problems/not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo(path));
    }
}
