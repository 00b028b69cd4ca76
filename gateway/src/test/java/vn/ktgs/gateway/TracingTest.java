package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request's trace continues into the service (W3C Trace Context). */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class TracingTest {
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void theServiceContinuesTheCallersTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        String forwarded = given().header("Authorization", Fixtures.bearer())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().get("/api/v1/plans/5")
                .then().statusCode(200)
                .extract().header("X-Echo-traceparent");
        Matcher parts = parse(forwarded);
        assertEquals(traceId, parts.group(1));
        assertNotEquals(callerSpan, parts.group(2), "the gateway's own span is the service's parent");
    }

    @Test
    void aRequestWithoutATraceStartsOne() {
        String first = given().header("Authorization", Fixtures.bearer()).when().get("/api/v1/plans/5")
                .then().statusCode(200).extract().header("X-Echo-traceparent");
        String second = given().header("Authorization", Fixtures.bearer()).when().get("/api/v1/plans/5")
                .then().statusCode(200).extract().header("X-Echo-traceparent");
        assertNotEquals(parse(first).group(1), parse(second).group(1), "a trace per request");
    }

    private static Matcher parse(String traceparent) {
        assertTrue(traceparent != null, "the service received no traceparent");
        Matcher matcher = TRACEPARENT.matcher(traceparent);
        assertTrue(matcher.matches(), traceparent);
        return matcher;
    }
}
