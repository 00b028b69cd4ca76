package vn.ktgs.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health and metrics, on the management port only. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class HealthTest {

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void managementIsOnAPortOfItsOwn() {
        assertTrue(managementPort > 0, "management port " + managementPort);
        assertNotEquals(RestAssured.port, managementPort);
    }

    @Test
    void livenessIsUpWithoutAToken() {
        given().port(managementPort).when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessStaysUpWhileAServiceIsDownAndReportsEachRoute() {
        String body = given().port(managementPort).when().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.size()", equalTo(1))
                .body("checks[0].name", equalTo("routes"))
                .body("checks[0].status", equalTo("UP"))
                .body("checks[0].data.planning", equalTo("UP"))
                .body("checks[0].data.discipline", equalTo("UP"))
                .body("checks[0].data.complaints", equalTo("UP"))
                .body("checks[0].data.inspection", equalTo("unreachable"))
                .extract().asString();
        // Where the services live is nobody's business outside.
        assertTrue(!body.contains("127.0.0.1") && !body.contains("localhost") && !body.contains("http"), body);
    }

    @Test
    void readinessDoesNotProbeTheServicesOnEveryCall() throws Exception {
        given().port(managementPort).when().get("/q/health/ready").then().statusCode(200);
        int before = Fixtures.stats().probes();
        for (int i = 0; i < 3; i++) {
            given().port(managementPort).when().get("/q/health/ready").then().statusCode(200);
        }
        // Three routes lead to the echo server: at most one refresh of each, where nine probes would be uncached.
        int probes = Fixtures.stats().probes() - before;
        assertTrue(probes <= 3, probes + " probes");
    }

    @Test
    void metricsNeedNoTokenAndCountProxiedRequestsByRoute() {
        given().header("Authorization", Fixtures.bearer()).when().get("/api/v1/plans/12345/items")
                .then().statusCode(200);
        given().when().get("/api/v1/discipline-cases/67890").then().statusCode(401);
        given().when().get("/api/v1/no-such-thing/24680").then().statusCode(404);
        // Counted by route prefix: the record ids in paths must not become metric tags.
        given().port(managementPort).when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("status=\"200\",uri=\"/api/v1/plans\"}"))
                .body(containsString("status=\"401\",uri=\"/api/v1/discipline-cases\"}"))
                .body(containsString("status=\"404\",uri=\"/api/*\"}"))
                .body(not(containsString("12345")))
                .body(not(containsString("67890")))
                .body(not(containsString("24680")));
    }

    @Test
    void aPathNothingServesOnTheManagementPortIsAProblem() {
        given().port(managementPort).when().get("/q/nothing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ktgs.vn/problems/not-found"))
                .body("detail", equalTo("Nothing is served at /q/nothing."))
                .body("requestId", notNullValue());
    }
}
