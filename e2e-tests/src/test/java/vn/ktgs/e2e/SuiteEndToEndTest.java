package vn.ktgs.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suite started the way {@code ./suite up} starts it, driven through the gateway. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteEndToEndTest {
    private static final String PROVINCE = "10000000-0000-4000-8000-000000000001";
    private static final String WARD = "10000000-0000-4000-8000-000000000011";
    private static final String[] COPIES = {"/api/v1/inspections/org-units/", "/api/v1/discipline-cases/org-units/",
            "/api/v1/denunciations/org-units/"};
    private static Suite suite;
    private static String createdId;

    @BeforeAll
    static void up() throws Exception {
        suite = new Suite();
        suite.run("down");
        suite.wipeHome(); // a fresh machine: no data from an earlier run
        Suite.Result r = suite.run("up");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Gateway: http://localhost:" + suite.gatewayPort), r.output());
        assertTrue(r.output().contains("curl -s"), r.output());
    }

    @AfterAll
    static void down() throws Exception {
        if (suite != null) {
            Suite.Result r = suite.run("down");
            assertTrue(r.output().contains("stopped gateway"), r.output());
        }
    }

    @Test
    @Order(1)
    void aUnitCreatedThroughTheGatewayReachesEveryOtherServiceInOneTrace() throws Exception {
        String admin = suite.token("admin");
        String traceId = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(System.nanoTime()).putLong(0x4b544753L).array());
        createdId = given().baseUri(suite.gateway()).header("Authorization", "Bearer " + admin)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("Idempotency-Key", "e2e-create-1").contentType(ContentType.JSON)
                .body(Map.of("code", "HT-THANHSEN-E2E", "name", "Chi bộ Khối phố Nguyễn Du", "level", "CELL", "parentId", WARD))
                .post("/api/v1/org-units")
                .then().statusCode(201).body("name", equalTo("Chi bộ Khối phố Nguyễn Du")).extract().path("id");
        String officer = suite.token("officer-thanhsen");
        for (String copy : COPIES) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().baseUri(suite.gateway()).header("Authorization", "Bearer " + officer).get(copy + createdId)
                            .then().statusCode(200).body("name", equalTo("Chi bộ Khối phố Nguyễn Du"))
                            .body("ancestorIds[2]", equalTo(WARD)));
        }
        // the consumer's work joined the request's trace: gateway, service, outbox, Kafka, consumer
        for (String service : new String[] {"inspection", "discipline", "complaints"}) {
            String log = suite.run("logs", service).output();
            assertTrue(log.lines().anyMatch(l -> l.contains("trace=" + traceId) && l.contains("applied event")),
                    service + " logged no applied event with trace " + traceId);
        }
        // the demo tree is there, and a sibling commune sees nothing of the ward
        given().baseUri(suite.gateway()).header("Authorization", "Bearer " + suite.token("viewer-thachha"))
                .get("/api/v1/inspections/org-units/" + WARD).then().statusCode(404);
        given().baseUri(suite.gateway()).header("Authorization", "Bearer " + officer)
                .queryParam("q", "nguyen du").get("/api/v1/org-units")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(createdId));
    }

    @Test
    @Order(2)
    void planningRoutesReachThePlanningService() throws Exception {
        String officer = suite.token("officer-thanhsen");
        String id = given().baseUri(suite.gateway()).header("Authorization", "Bearer " + officer).contentType(ContentType.JSON)
                .body(Map.of("kind", "ANNUAL", "year", 2026, "title", "Kế hoạch kiểm tra, giám sát năm 2026",
                        "items", java.util.List.of(Map.of("kind", "THEMATIC_SUPERVISION",
                                "subject", Map.of("type", "ORG_UNIT", "orgUnitId", WARD),
                                "content", "Việc thực hiện quy chế làm việc", "period", Map.of("type", "QUARTER", "quarter", 2)))))
                .post("/api/v1/plans").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        given().baseUri(suite.gateway()).header("Authorization", "Bearer " + suite.token("btv-tinh"))
                .get("/api/v1/plans/" + id).then().statusCode(200).body("items[0].period.from", equalTo("2026-04-01"));
        given().baseUri(suite.gateway()).header("Authorization", "Bearer " + officer).get("/api/v1/rule-sets")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem("PLANNING-QD296-2025"));
    }

    @Test
    @Order(2)
    void aCallWithoutAValidTokenIsRefusedAtTheGateway() {
        given().baseUri(suite.gateway()).get("/api/v1/org-units/" + PROVINCE)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", containsString("unauthorized")).header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        given().baseUri(suite.gateway()).header("Authorization", "Bearer not-a-token").get("/api/v1/inspections/org-units/" + PROVINCE)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void aSecondUpChangesNothingAndStatusListsEveryProcess() throws Exception {
        Suite.Result again = suite.run("up");
        assertEquals(0, again.exit());
        assertTrue(again.output().contains("running already"), again.output());
        Suite.Result status = suite.run("status");
        for (String name : new String[] {"devstack", "planning", "inspection", "discipline", "complaints", "gateway"}) {
            assertTrue(status.output().lines().anyMatch(l -> l.startsWith(name) && l.contains("running")), status.output());
        }
        assertTrue(status.output().contains("jdbc:postgresql://127.0.0.1:" + suite.env.get("KTGS_PG_PORT") + "/planning"));
        assertTrue(status.output().contains("Kafka:    127.0.0.1:" + suite.env.get("KTGS_KAFKA_PORT")));
        assertTrue(suite.run("logs", "planning").output().contains("planning-service"));
    }

    @Test
    @Order(4)
    void dataSurvivesDownAndUp() throws Exception {
        suite.run("down");
        assertTrue(suite.run("status").output().lines().anyMatch(l -> l.startsWith("gateway") && l.contains("stopped")));
        Suite.Result r = suite.run("up");
        assertEquals(0, r.exit(), r.output());
        given().baseUri(suite.gateway()).header("Authorization", "Bearer " + suite.token("admin"))
                .get("/api/v1/org-units/" + createdId).then().statusCode(200).body("code", equalTo("HT-THANHSEN-E2E"));
        given().baseUri(suite.gateway()).header("Authorization", "Bearer " + suite.token("officer-thanhsen"))
                .get("/api/v1/discipline-cases/org-units/" + createdId).then().statusCode(200);
    }
}
