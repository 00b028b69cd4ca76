package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ProxyTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void forwardsMethodPathQueryHeadersAndBody() {
        String bearer = Fixtures.bearer();
        given().urlEncodingEnabled(false)
                .header("Authorization", bearer)
                .header("X-Request-Id", "client-42.a_b")
                .contentType("application/json")
                .body("{\"title\":\"Kế hoạch 2025\"}")
                .when().post("/api/v1/plans/7/items?year=2025&q=h%C3%A0%20n%E1%BB%99i")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("X-Request-Id", "client-42.a_b")
                .header("X-Echo-Method", "POST")
                .header("X-Echo-Uri", "/api/v1/plans/7/items?year=2025&q=h%C3%A0%20n%E1%BB%99i")
                .header("X-Echo-Authorization", bearer)
                .header("X-Echo-X-Request-Id", "client-42.a_b")
                .header("X-Echo-X-Forwarded-For", "127.0.0.1")
                .header("X-Echo-X-Forwarded-Proto", "http")
                .header("X-Echo-X-Forwarded-Host", "localhost:" + RestAssured.port)
                .body(equalTo("{\"title\":\"Kế hoạch 2025\"}"));
    }

    @Test
    void routesEveryPrefixOfARouteAndNormalisesDotSegments() {
        String bearer = Fixtures.bearer();
        given().header("Authorization", bearer).when().get("/api/v1/org-units")
                .then().statusCode(200).header("X-Echo-Uri", "/api/v1/org-units");
        given().header("Authorization", bearer).when().get("/api/v1/appeals/9")
                .then().statusCode(200).header("X-Echo-Uri", "/api/v1/appeals/9");
        given().urlEncodingEnabled(false).header("Authorization", bearer).when().get("/api/v1/plans/../rule-sets/1")
                .then().statusCode(200).header("X-Echo-Uri", "/api/v1/rule-sets/1");
        given().header("Authorization", bearer).when().get("/api/v1/members/42/history")
                .then().statusCode(200).header("X-Echo-Uri", "/api/v1/members/42/history");
        // the colon as it is (REST Assured would send %3A, which is another path)
        given().urlEncodingEnabled(false).header("Authorization", bearer).contentType("application/x-ndjson").body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/members:import")
                .then().statusCode(200).header("X-Echo-Uri", "/api/v1/members:import").body(equalTo("{}\n"));
        // a prefix is a whole path segment: /api/v1/members-archive is no route of planning-service
        given().header("Authorization", bearer).when().get("/api/v1/members-archive").then().statusCode(404);
    }

    @Test
    void replacesAMissingOrUnsafeRequestId() {
        for (String unsafe : new String[] {null, "two words", "x".repeat(129), "line\tbreak"}) {
            var request = given().header("Authorization", Fixtures.bearer());
            if (unsafe != null) {
                request.header("X-Request-Id", unsafe);
            }
            Response response = request.when().get("/api/v1/plans").then()
                    .statusCode(200)
                    .header("X-Request-Id", matchesPattern(UUID))
                    .extract().response();
            assertEquals(response.header("X-Request-Id"), response.header("X-Echo-X-Request-Id"));
        }
    }

    @Test
    void dropsHopByHopHeaders() {
        String names = given().header("Authorization", Fixtures.bearer())
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Connection", "keep-alive, X-Hop")
                .header("X-Hop", "1")
                .header("X-Kept", "1")
                .when().get("/api/v1/plans")
                .then().statusCode(200)
                .extract().header("X-Echo-Header-Names");
        assertTrue(names.contains("x-kept"), names);
        assertTrue(names.contains("authorization"), names);
        assertTrue(!names.contains("proxy-authorization") && !names.contains("x-hop"), names);
    }

    @Test
    void passesServiceErrorsThroughUnchanged() {
        for (int status : new int[] {401, 403, 404, 409}) {
            given().header("Authorization", Fixtures.bearer())
                    .header("X-Stub-Status", status)
                    .contentType("application/problem+json")
                    .body("{\"status\":" + status + "}")
                    .when().post("/api/v1/denunciations")
                    .then()
                    .statusCode(status)
                    .contentType("application/problem+json")
                    .header("X-Request-Id", matchesPattern(UUID))
                    .body(equalTo("{\"status\":" + status + "}"));
        }
    }

    @Test
    void aLocationUnderTheServicesOwnAddressIsGivenAsAPathTheCallerFollowsAtTheGateway() {
        // the services build it from the Host header the gateway sends them: their own, internal address
        given().header("Authorization", Fixtures.bearer())
                .header("X-Stub-Status", 201)
                .header("X-Stub-Location", "/api/v1/plans/5b0e2a7c-1f0e-4c4e-9b7e-2d1c3f4a5b6c?revision=1")
                .contentType("application/json").body("{}")
                .when().post("/api/v1/plans")
                .then()
                .statusCode(201)
                .header("Location", "/api/v1/plans/5b0e2a7c-1f0e-4c4e-9b7e-2d1c3f4a5b6c?revision=1");
    }

    @Test
    void streamsALargeBodyBothWays() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024];
        new Random(7).nextBytes(body);

        // with a Content-Length
        byte[] echoed = given().header("Authorization", Fixtures.bearer())
                .contentType("application/octet-stream").body(body)
                .when().put("/api/v1/plans/7/attachment")
                .then().statusCode(200)
                .header("X-Echo-Body-Sha256", EchoServer.sha256(body))
                .extract().asByteArray();
        assertArrayEquals(body, echoed);

        // chunked, of unknown length
        HttpResponse<byte[]> chunked = http().send(gateway("/api/v1/plans/7/attachment")
                        .header("Authorization", Fixtures.bearer())
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, chunked.statusCode());
        assertEquals(EchoServer.sha256(body), chunked.headers().firstValue("X-Echo-Body-Sha256").orElseThrow());
        assertArrayEquals(body, chunked.body());
    }

    @Test
    void anAnswerThatBreaksOffReachesTheCallerBrokenNotComplete() throws Exception {
        assertTheCallerSeesABrokenAnswer("X-Stub-Break-After");
    }

    @Test
    void anAnswerThatStallsIsBrokenOffAfterTheTimeoutNotKeptForEver() throws Exception {
        assertTheCallerSeesABrokenAnswer("X-Stub-Stall-After");
    }

    /** The status and the Content-Length have been passed on, so the caller can only be told by the connection's end. */
    private static void assertTheCallerSeesABrokenAnswer(String howTheServiceFails) throws Exception {
        HttpRequest request = gateway("/api/v1/plans/7").header("Authorization", Fixtures.bearer())
                .header("X-Stub-Size", String.valueOf(1024 * 1024)).header(howTheServiceFails, String.valueOf(256 * 1024))
                .GET().build();
        // well within the wait: the gateway's timeout here is 2 s
        ExecutionException broken = assertThrows(ExecutionException.class,
                () -> http().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get(20, TimeUnit.SECONDS));
        assertTrue(broken.getCause() instanceof IOException, "not a broken connection: " + broken.getCause());
        // and the gateway serves the next request as before
        HttpResponse<byte[]> next = http().send(gateway("/api/v1/plans/7").header("Authorization", Fixtures.bearer())
                .header("X-Stub-Size", String.valueOf(1024 * 1024)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, next.statusCode());
        assertEquals(1024 * 1024, next.body().length);
    }

    @Test
    void refusesADeclaredBodyOverTheCapWithoutForwarding() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        given().header("Authorization", Fixtures.bearer())
                .header("X-Request-Id", "too-big-1")
                .contentType("application/octet-stream").body(new byte[4 * 1024 * 1024])
                .when().post("/api/v1/plans")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .header("X-Request-Id", "too-big-1")
                .body("type", equalTo("https://ktgs.vn/problems/content-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString("3145728 bytes"))
                .body("instance", equalTo("/api/v1/plans"))
                .body("requestId", equalTo("too-big-1"));
        assertEquals(before.received(), Fixtures.stats().received(), "requests that reached the service");
    }

    @Test
    void cutsOffAChunkedBodyThatGrowsOverTheCap() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        byte[] body = new byte[4 * 1024 * 1024];
        HttpResponse<String> response = http().send(gateway("/api/v1/plans")
                        .header("Authorization", Fixtures.bearer())
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"type\":\"https://ktgs.vn/problems/content-too-large\""), response.body());

        // The service saw the start of the body, then its connection was reset (well before the 2 s timeout
        // would have ended it); it never saw a whole request.
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        EchoServer.Stats after = Fixtures.stats();
        while (after.aborted() == before.aborted() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = Fixtures.stats();
        }
        assertEquals(before.aborted() + 1, after.aborted());
        assertEquals(before.completed(), after.completed());
    }

    @Test
    void unknownApiPathIsAProblem404() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        for (String path : new String[] {"/api/v1/budgets", "/api/v1/plansx", "/api/v2/plans"}) {
            Response response = given().header("Authorization", Fixtures.bearer())
                    .when().get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .header("X-Request-Id", matchesPattern(UUID))
                    .body("type", equalTo("https://ktgs.vn/problems/not-found"))
                    .body("title", equalTo("Not Found"))
                    .body("status", equalTo(404))
                    .body("instance", equalTo(path))
                    .extract().response();
            assertEquals(response.header("X-Request-Id"), response.path("requestId"));
        }
        assertEquals(before.received(), Fixtures.stats().received(), "requests that reached the service");
    }

    @Test
    void serviceThatIsDownIsA503NamingTheServiceWhileTheOthersServe() {
        given().header("Authorization", Fixtures.bearer())
                .header("X-Request-Id", "down-1")
                .when().get("/api/v1/inspections/1")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("X-Request-Id", "down-1")
                .body("type", equalTo("https://ktgs.vn/problems/service-unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("inspection"))
                .body("detail", not(containsString("127.0.0.1")))
                .body("requestId", equalTo("down-1"));
        given().header("Authorization", Fixtures.bearer()).when().get("/api/v1/discipline-cases/1")
                .then().statusCode(200).header("X-Echo-Uri", "/api/v1/discipline-cases/1");
    }

    @Test
    void anUnknownApiPathIsA404EvenWithoutAToken() {
        given().when().get("/api/v1/budgets/1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ktgs.vn/problems/not-found"))
                .body("instance", equalTo("/api/v1/budgets/1"));
    }

    @Test
    void slowServiceIsA504AfterTheTimeout() {
        long started = System.nanoTime();
        given().header("Authorization", Fixtures.bearer())
                .header("X-Stub-Delay-Ms", 5000)
                .header("X-Request-Id", "slow-1")
                .when().get("/api/v1/discipline-cases/1")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .header("X-Request-Id", "slow-1")
                .body("type", equalTo("https://ktgs.vn/problems/gateway-timeout"))
                .body("status", equalTo(504))
                .body("detail", containsString("discipline"))
                .body("requestId", equalTo("slow-1"));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(millis >= 2000 && millis < 4500, "answered after the 2 s timeout, before the service: " + millis);
    }

    @Test
    void aSlowUploadDoesNotUseUpTheTimeout() throws Exception {
        byte[] piece = new byte[64 * 1024];
        new Random(3).nextBytes(piece);
        HttpResponse<byte[]> response = http().send(gateway("/api/v1/plans/7/attachment")
                        .header("Authorization", Fixtures.bearer())
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new SlowStream(piece, 5, 700)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(5 * piece.length, response.body().length);
    }

    /** The same bytes {@code times} times, with a pause before each (3.5 s in all, longer than the timeout). */
    private static final class SlowStream extends InputStream {
        private final byte[] piece;
        private final long pauseMillis;
        private int left;
        private int at;

        SlowStream(byte[] piece, int times, long pauseMillis) {
            this.piece = piece;
            this.left = times;
            this.pauseMillis = pauseMillis;
            this.at = piece.length;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (at == piece.length) {
                if (left == 0) {
                    return -1;
                }
                left--;
                at = 0;
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            int n = Math.min(length, piece.length - at);
            System.arraycopy(piece, at, into, offset, n);
            at += n;
            return n;
        }
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpRequest.Builder gateway(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path));
    }
}
