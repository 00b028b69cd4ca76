package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ktgs.devstack.JwtMinter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class TokenTest {

    @Inject
    Vertx vertx;

    static Stream<Arguments> refused() {
        JwtMinter minter = Fixtures.minter();
        JwtMinter otherKey = new JwtMinter(JwtMinter.newKeyPair().getPrivate(), JwtMinter.LOCAL_ISSUER);
        JwtMinter otherIssuer = new JwtMinter(JwtMinter.newKeyPair().getPrivate(), "https://elsewhere.example/issuer");
        Map<String, Object> expired = claims();
        expired.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
        expired.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
        Map<String, Object> wrongIssuer = claims();
        wrongIssuer.put("iss", "https://elsewhere.example/issuer");
        Map<String, Object> wrongAudience = claims();
        wrongAudience.put("aud", "another-system");
        Map<String, Object> issuedAnHourAhead = claims();
        issuedAnHourAhead.put("iat", Instant.now().plusSeconds(3600).getEpochSecond());
        issuedAnHourAhead.put("exp", Instant.now().plusSeconds(7200).getEpochSecond());
        Map<String, Object> notYetValid = claims();
        notYetValid.put("nbf", Instant.now().plusSeconds(45).getEpochSecond());
        return Stream.of(
                Arguments.of("no token", null, "Bearer"),
                Arguments.of("empty bearer", "Bearer ", "Bearer"),
                Arguments.of("basic credentials", "Basic b2ZmaWNlcjpzZWNyZXQ=", "Bearer"),
                Arguments.of("malformed", "Bearer not.a.token", "Bearer error=\"invalid_token\""),
                Arguments.of("another key", "Bearer " + otherKey.mint("officer-1", "org-1", List.of("officer"), 300),
                        "Bearer error=\"invalid_token\""),
                Arguments.of("another issuer and key", "Bearer " + otherIssuer.mint("officer-1", "org-1", List.of("officer"), 300),
                        "Bearer error=\"invalid_token\""),
                Arguments.of("expired", "Bearer " + minter.sign(expired), "Bearer error=\"invalid_token\""),
                Arguments.of("wrong issuer", "Bearer " + minter.sign(wrongIssuer), "Bearer error=\"invalid_token\""),
                Arguments.of("wrong audience", "Bearer " + minter.sign(wrongAudience), "Bearer error=\"invalid_token\""),
                Arguments.of("issued an hour ahead", "Bearer " + minter.sign(issuedAnHourAhead), "Bearer error=\"invalid_token\""),
                Arguments.of("valid only 45 s from now", "Bearer " + minter.sign(notYetValid), "Bearer error=\"invalid_token\""),
                Arguments.of("alg none", "Bearer " + JwtMinter.unsigned(claims()), "Bearer error=\"invalid_token\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithAProblemAndForwardsNothing(String why, String authorization, String challenge) throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        RequestSpecification request = given().header("X-Request-Id", "token-test-1").body("{}").contentType("application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.when().post("/api/v1/plans/3?x=1")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", challenge)
                .header("X-Request-Id", "token-test-1")
                .body("type", equalTo("https://ktgs.vn/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", startsWith(authorization == null || !authorization.startsWith("Bearer ")
                        || authorization.equals("Bearer ") ? "A bearer token is required" : "The bearer token is not valid"))
                .body("instance", equalTo("/api/v1/plans/3"))
                .body("requestId", equalTo("token-test-1"));
        assertEquals(before.received(), Fixtures.stats().received(), "requests that reached the service");
    }

    @Test
    void aValidTokenIsForwarded() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        given().header("Authorization", "Bearer " + Fixtures.minter().sign(claims()))
                .when().get("/api/v1/plans/3")
                .then().statusCode(200);
        assertEquals(before.completed() + 1, Fixtures.stats().completed());
    }

    @Test
    void clocksAFewSecondsApartAreAllowedFor() throws Exception {
        EchoServer.Stats before = Fixtures.stats();
        Map<String, Object> slightlyAhead = claims();
        slightlyAhead.put("iat", Instant.now().plusSeconds(10).getEpochSecond());
        slightlyAhead.put("nbf", Instant.now().plusSeconds(10).getEpochSecond());
        given().header("Authorization", "Bearer " + Fixtures.minter().sign(slightlyAhead))
                .when().get("/api/v1/plans/3")
                .then().statusCode(200).header("X-Echo-Uri", "/api/v1/plans/3");
        assertEquals(before.completed() + 1, Fixtures.stats().completed());
    }

    @Test
    void tokensAreCheckedWhileEveryWorkerThreadIsBusy() throws Exception {
        // With a local key the check is CPU work: it must not wait for a worker thread. A token of its own, so
        // that it is really checked, not found among those that passed before.
        Map<String, Object> unseen = claims();
        unseen.put("jti", UUID.randomUUID().toString());
        int workers = ConfigProvider.getConfig().getValue("quarkus.thread-pool.max-threads", Integer.class);
        CountDownLatch busy = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < workers; i++) {
            vertx.executeBlocking(() -> {
                busy.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }, false);
        }
        try {
            assertTrue(busy.await(10, TimeUnit.SECONDS), "every worker thread is busy");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/v1/plans/3"))
                            .header("Authorization", "Bearer " + Fixtures.minter().sign(unseen))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertEquals("/api/v1/plans/3", answer.headers().firstValue("X-Echo-Uri").orElseThrow());
        } finally {
            release.countDown();
        }
    }

    /** The claims of a good token, for the tests to spoil one at a time. */
    private static Map<String, Object> claims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", JwtMinter.LOCAL_ISSUER);
        claims.put("aud", JwtMinter.AUDIENCE);
        claims.put("sub", "officer-1");
        claims.put("upn", "officer-1");
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("groups", List.of("officer"));
        claims.put("org", "org-1");
        return claims;
    }
}
