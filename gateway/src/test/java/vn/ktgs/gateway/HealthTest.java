package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class HealthTest {

    @Test
    void livenessIsUpWithoutAToken() {
        given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessHasACheckPerRouteAndIsDownWhileAServiceIs() {
        given().when().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.size()", equalTo(4))
                .body("checks.find { it.name == 'planning' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'planning' }.data.status", equalTo(200))
                .body("checks.find { it.name == 'discipline' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'complaints' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'inspection' }.status", equalTo("DOWN"));
    }

    @Test
    void readinessDoesNotProbeTheServicesOnEveryCall() throws Exception {
        given().when().get("/q/health/ready").then().statusCode(503);
        int before = Fixtures.stats().probes();
        for (int i = 0; i < 3; i++) {
            given().when().get("/q/health/ready").then().statusCode(503);
        }
        // Three routes lead to the echo server: at most one refresh of each, where nine probes would be uncached.
        int probes = Fixtures.stats().probes() - before;
        assertTrue(probes <= 3, probes + " probes");
    }

    @Test
    void metricsNeedNoTokenAndCountProxiedRequests() {
        given().header("Authorization", Fixtures.bearer()).when().get("/api/v1/plans/12345/items")
                .then().statusCode(200);
        given().when().get("/api/v1/no-such-thing/67890").then().statusCode(401);
        // Counted by route prefix: the record ids in paths must not become metric tags.
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("status=\"200\",uri=\"/api/v1/plans\"}"))
                .body(containsString("status=\"401\",uri=\"/api/*\"}"))
                .body(not(containsString("12345")))
                .body(not(containsString("67890")));
    }
}
