package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ktgs.devstack.JwtMinter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class TokenTest {

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
