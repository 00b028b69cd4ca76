package vn.ktgs.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
    void aPlanItemIsInspectedItsViolationDisciplinedAndTheDecisionAnnulledOnAppeal() throws Exception {
        String officer = "Bearer " + suite.token("officer-thanhsen");
        String committee = "Bearer " + suite.token("committee-thanhsen");
        String cell = "10000000-0000-4000-8000-000000000112";
        String plan = given().baseUri(suite.gateway()).header("Authorization", officer).contentType(ContentType.JSON)
                .body(Map.of("kind", "ANNUAL", "year", 2026, "title", "Kế hoạch kiểm tra năm 2026 của Đảng ủy phường",
                        "items", java.util.List.of(Map.of("kind", "THEMATIC_INSPECTION",
                                "subject", Map.of("type", "ORG_UNIT", "orgUnitId", cell),
                                "content", "Việc chấp hành Điều lệ Đảng", "period", Map.of("type", "QUARTER", "quarter", 4)))))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        String item = given().baseUri(suite.gateway()).header("Authorization", officer).get("/api/v1/plans/" + plan)
                .then().extract().path("items[0].id");
        given().baseUri(suite.gateway()).header("Authorization", officer).header("If-Match", "\"1\"")
                .post("/api/v1/plans/" + plan + "/submit").then().statusCode(200);
        given().baseUri(suite.gateway()).header("Authorization", committee).header("If-Match", "\"2\"")
                .post("/api/v1/plans/" + plan + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));

        // inspection-service learns of the approved item from planning's event
        Map<String, Object> draft = Map.of("kind", "THEMATIC_INSPECTION", "decidingBody", "COMMITTEE",
                "title", "Kiểm tra chuyên đề Chi bộ Tổ dân phố 2", "content", "Việc chấp hành Điều lệ Đảng", "planItemId", item,
                "subjects", java.util.List.of(Map.of("type", "ORG_UNIT", "orgUnitId", cell)));
        String[] inspection = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var r = given().baseUri(suite.gateway()).header("Authorization", officer).contentType(ContentType.JSON).body(draft)
                    .post("/api/v1/inspections").then().extract();
            if (r.statusCode() == 201) {
                inspection[0] = r.path("id");
                return true;
            }
            assertEquals(422, r.statusCode(), r.asString());
            return false;
        });
        String id = inspection[0];
        step(committee, id, 1, "decide", Map.of("decisionNumber", "15-QĐ/ĐU", "decisionDate", "2026-11-02",
                "team", java.util.List.of(Map.of("fullName", "Lê Văn Tám", "role", "LEADER"))));
        step(officer, id, 2, "notify", Map.of("on", "2026-11-03"));
        step(officer, id, 3, "self-report", Map.of("on", "2026-11-05", "summary", "Báo cáo tự kiểm tra"));
        step(officer, id, 4, "verification", Map.of("kind", "DOCUMENT", "on", "2026-11-09", "summary", "Nghiên cứu hồ sơ"));
        step(officer, id, 5, "draft-report", Map.of("on", "2026-11-12", "summary", "Dự thảo báo cáo"));
        step(officer, id, 6, "hearing", Map.of("on", "2026-11-16", "summary", "Chi bộ giải trình"));
        step(committee, id, 7, "conclude", Map.of("concludedOn", "2026-11-18", "strengths", "Chấp hành tốt",
                "shortcomings", "Sinh hoạt chưa đều", "violations", java.util.List.of(Map.of("subjectOrgUnitId", cell,
                        "act", "Không duy trì sinh hoạt chi bộ định kỳ 3 kỳ liên tiếp", "article", "Điều 7", "actFrom", "2026-03-01",
                        "actTo", "2026-06-30", "continuing", false, "warrantsDiscipline", true)), "remediation", java.util.List.of()));

        // the violation becomes a discipline case before the deciding body, from inspection-service's event
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(suite.gateway()).header("Authorization", officer).queryParam("subjectOrgUnitId", cell)
                        .queryParam("status", "OPENED").get("/api/v1/discipline-cases").then().statusCode(200)
                        .body("items.find { it.source == 'INSPECTION' }.subjectType", equalTo("ORG_UNIT"))
                        .body("items.find { it.source == 'INSPECTION' }.decidingBody", equalTo("COMMITTEE")));
        String disciplineCase = given().baseUri(suite.gateway()).header("Authorization", officer).queryParam("subjectOrgUnitId", cell)
                .get("/api/v1/discipline-cases").then().extract().path("items.find { it.source == 'INSPECTION' }.id");
        given().baseUri(suite.gateway()).header("Authorization", officer).get("/api/v1/discipline-cases/" + disciplineCase).then()
                .statusCode(200).body("origin.type", equalTo("INSPECTION")).body("origin.id", equalTo(id))
                .body("acts[0].article", equalTo("Điều 7")).body("concludedOn", equalTo("2026-11-18"));

        // the ward committee reprimands the cell; the cell appeals to the province's commission, which annuls the decision
        caseStep(officer, disciplineCase, 1, "self-criticism", Map.of("outcome", "MADE", "on", "2026-11-19"));
        caseStep(officer, disciplineCase, 2, "hearing", Map.of("on", "2026-11-19", "heardBy", "Đồng chí Phó Bí thư Đảng ủy phường"));
        caseStep(committee, disciplineCase, 3, "vote", Map.of("on", "2026-11-20", "secret", true, "official", 15,
                "votes", java.util.List.of(Map.of("form", "REPRIMAND", "yes", 9))));
        caseStep(committee, disciplineCase, 4, "decide", Map.of("decisionNumber", "21-QĐ/ĐU", "on", "2026-11-20"));
        caseStep(committee, disciplineCase, 5, "announce", Map.of("on", "2026-11-20"));
        String intake = "Bearer " + suite.token("intake-tinh");
        String commission = "Bearer " + suite.token("ubkt-tinh");
        Map<String, Object> filing = Map.of("caseId", disciplineCase, "appellantName", "Chi bộ Tổ dân phố 2", "filedBySubject", true,
                "decisionReceivedOn", "2026-11-20", "postmarkedOn", "2026-11-21", "receivedOn", "2026-11-23",
                "content", "Đề nghị xem xét lại quyết định khiển trách");
        String[] appeal = new String[1];
        // complaints-service learns of the decision from discipline's event
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var r = given().baseUri(suite.gateway()).header("Authorization", intake).contentType(ContentType.JSON).body(filing)
                    .post("/api/v1/appeals").then().extract();
            if (r.statusCode() == 201) {
                appeal[0] = r.path("id");
                return true;
            }
            assertEquals(422, r.statusCode(), r.asString());
            return false;
        });
        given().baseUri(suite.gateway()).header("Authorization", commission).get("/api/v1/appeals/" + appeal[0]).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("handlingBody", equalTo("INSPECTION_COMMISSION")).body("level", equalTo(1));
        appealStep(commission, appeal[0], 1, "investigate", Map.of("on", "2026-11-23"));
        appealStep(commission, appeal[0], 2, "decide", Map.of("outcome", "ANNULLED", "decisionNumber", "30-QĐ/UBKT", "on", "2026-11-23"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(suite.gateway()).header("Authorization", officer).get("/api/v1/discipline-cases/" + disciplineCase).then()
                        .statusCode(200).body("status", equalTo("ANNULLED")).body("decision.appeal.outcome", equalTo("ANNULLED")));

        // planning follows the inspection's events to the item's fulfilment
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().baseUri(suite.gateway()).header("Authorization", officer).get("/api/v1/plans/" + plan + "/progress")
                        .then().statusCode(200).body("items[0].status", equalTo("DONE")).body("items[0].inspectionId", equalTo(id)));
        given().baseUri(suite.gateway()).header("Authorization", officer).queryParam("period", "YEAR").queryParam("year", 2026)
                .get("/api/v1/inspections/statistics").then().statusCode(200)
                .body("byKind.find { it.kind == 'THEMATIC_INSPECTION' }.concluded", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // the whole matter through the gateway, from any of its records, in the order it happened, as planning recorded it
        // from the four services' events; the ward sees its part, not the province's appeal
        for (String ref : java.util.List.of("APPEAL:" + appeal[0], "PLAN_ITEM:" + item, "DISCIPLINE_CASE:" + disciplineCase)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                var trail = given().baseUri(suite.gateway()).header("Authorization", commission).queryParam("ref", ref)
                        .get("/api/v1/trail").then().statusCode(200).extract().jsonPath();
                assertEquals(java.util.List.of("PLAN_ITEM", "INSPECTION", "VIOLATION", "DISCIPLINE_CASE", "APPEAL"),
                        trail.<String>getList("steps.recordType").stream().distinct().toList());
                java.util.List<String> events = trail.getList("steps.event");
                assertEquals("vn.ktgs.discipline.amended.v1", events.get(events.size() - 1));
            });
        }
        var wardTrail = given().baseUri(suite.gateway()).header("Authorization", officer).queryParam("ref", "DISCIPLINE_CASE:" + disciplineCase)
                .get("/api/v1/trail").then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.List.of("PLAN_ITEM", "INSPECTION", "VIOLATION", "DISCIPLINE_CASE"),
                wardTrail.<String>getList("steps.recordType").stream().distinct().toList());
        given().baseUri(suite.gateway()).header("Authorization", officer).queryParam("ref", "APPEAL:" + appeal[0])
                .get("/api/v1/trail").then().statusCode(404);
    }

    /**
     * The year's summary through the gateway, for the province and for the ward, against counts taken here from each
     * service's own list of records; and the same report as CSV, workbook and printable page.
     */
    @Test
    @Order(3)
    void theSummaryOfTheYearEqualsTheCountsOfTheServicesOwnLists() throws Exception {
        for (String user : List.of("ubkt-tinh", "officer-thanhsen")) {
            String token = "Bearer " + suite.token(user);
            var summary = given().baseUri(suite.gateway()).header("Authorization", token).queryParam("year", 2026)
                    .get("/api/v1/summary").then().statusCode(200).contentType("application/json").extract().jsonPath();
            assertEquals("2026-01-01", summary.getString("from"));
            assertEquals(List.of("plans", "inspections", "discipline", "denunciations", "appeals"), summary.getList("areas.area"));

            Map<String, Long> approved = count(list(token, "/api/v1/plans", "year=2026"), p -> p.get("approvedRevision") != null ? (String) p.get("kind") : null);
            assertEquals(approved.getOrDefault("ANNUAL", 0L), number(summary, "plans", "plansByKind", "ANNUAL", "count"), user);

            Map<String, Long> inspections = count(list(token, "/api/v1/inspections", "year=2026"),
                    i -> "CANCELLED".equals(i.get("status")) ? null : (String) i.get("kind"));
            for (String kind : List.of("THEMATIC_INSPECTION", "INSPECTION_ON_SIGNS", "REGULAR_SUPERVISION", "THEMATIC_SUPERVISION")) {
                assertEquals(inspections.getOrDefault(kind, 0L), number(summary, "inspections", "byKind", kind, "count"), user + " " + kind);
            }
            assertEquals(inspections.values().stream().mapToLong(Long::longValue).sum(), number(summary, "inspections", "byKind", "TOTAL", "count"));

            Set<String> executed = Set.of("DECIDED", "ANNOUNCED", "REPORTED_UP", "EFFECT_ENDED");
            List<Map<String, Object>> cases = list(token, "/api/v1/discipline-cases", "year=2026");
            for (String type : List.of("MEMBER", "ORG_UNIT")) {
                Map<String, Long> byForm = count(cases, c -> type.equals(c.get("subjectType")) && executed.contains(c.get("status"))
                        ? (String) c.get("form") : null);
                String table = type.equals("MEMBER") ? "membersByForm" : "orgUnitsByForm";
                for (String form : List.of("REPRIMAND", "WARNING")) {
                    assertEquals(byForm.getOrDefault(form, 0L), number(summary, "discipline", table, form, "count"), user + " " + table);
                }
            }

            List<Map<String, Object>> appeals = list(token, "/api/v1/appeals", "").stream()
                    .filter(a -> ((String) a.get("receivedOn")).startsWith("2026-")).toList();
            Map<String, Long> outcomes = count(appeals, a -> (String) a.get("outcome"));
            assertEquals(appeals.size(), number(summary, "appeals", "rows", "RECEIVED", "count"), user);
            assertEquals(outcomes.getOrDefault("ANNULLED", 0L), number(summary, "appeals", "rows", "ANNULLED", "count"), user);
            assertEquals(user.equals("ubkt-tinh"), appeals.size() > 0, "the appeal is the province's, not the ward's");

            List<Map<String, Object>> letters = list(token, "/api/v1/denunciations", "").stream()
                    .filter(d -> d.get("receivedByCompetentOn") != null && ((String) d.get("receivedByCompetentOn")).startsWith("2026-")).toList();
            assertEquals(letters.size(), number(summary, "denunciations", "rows", "RECEIVED", "count"), user);
        }
        // the matter of the chain above is counted: one approved plan and one concluded thematic inspection at least
        String ward = "Bearer " + suite.token("officer-thanhsen");
        var wardSummary = given().baseUri(suite.gateway()).header("Authorization", ward).queryParam("year", 2026).get("/api/v1/summary")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(number(wardSummary, "inspections", "byKind", "THEMATIC_INSPECTION", "count") >= 1);
        assertTrue(number(wardSummary, "plans", "plansByKind", "ANNUAL", "count") >= 1);

        // the same report in the other forms
        String csv = given().baseUri(suite.gateway()).header("Authorization", ward).queryParam("year", 2026).queryParam("format", "csv")
                .get("/api/v1/summary").then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("ktgs-summary-2026-01-01-2026-12-31.csv")).extract().asString();
        assertTrue(csv.startsWith("area,table,code,labelVi,measure,measureLabelVi,value\r\n"), csv);
        assertTrue(csv.contains("\r\nappeals,rows,RECEIVED,Đơn khiếu nại kỷ luật tiếp nhận,count,Số lượng,0\r\n"), csv);
        byte[] xlsx = given().baseUri(suite.gateway()).header("Authorization", ward).queryParam("year", 2026)
                .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get("/api/v1/summary")
                .then().statusCode(200).extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
        String html = given().baseUri(suite.gateway()).header("Authorization", ward).queryParam("year", 2026).queryParam("format", "html")
                .get("/api/v1/summary").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'")).extract().asString();
        assertEquals(5, html.split("<svg ", -1).length - 1, "one chart per area");
        assertTrue(html.contains("Kỳ báo cáo từ 01/01/2026 đến 31/12/2026"), html);

        // the services' refusals come through: a unit out of the caller's scope, a period that does not fit its type
        given().baseUri(suite.gateway()).header("Authorization", ward).queryParam("year", 2026).queryParam("org", PROVINCE)
                .get("/api/v1/summary").then().statusCode(404).contentType("application/problem+json");
        given().baseUri(suite.gateway()).header("Authorization", ward).queryParam("period", "QUARTER").queryParam("year", 2026)
                .get("/api/v1/summary").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("quarter"));
    }

    /** Every record of a list, page by page. */
    private static List<Map<String, Object>> list(String token, String path, String query) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var r = given().baseUri(suite.gateway()).header("Authorization", token)
                    .get(path + "?size=200&page=" + page + (query.isEmpty() ? "" : "&" + query)).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = r.getList("items");
            all.addAll(items);
            if (all.size() >= r.getLong("totalItems") || items.isEmpty()) {
                return all;
            }
        }
    }

    private static Map<String, Long> count(List<Map<String, Object>> records, java.util.function.Function<Map<String, Object>, String> key) {
        Map<String, Long> out = new java.util.HashMap<>();
        records.stream().map(key).filter(java.util.Objects::nonNull).forEach(k -> out.merge(k, 1L, Long::sum));
        return out;
    }

    /** A number of the summary: area, table, row code, column. */
    private static long number(io.restassured.path.json.JsonPath summary, String area, String table, String code, String column) {
        return summary.getLong("areas.find { it.area == '" + area + "' }.tables.find { it.name == '" + table + "' }.rows.find { it.code == '"
                + code + "' }.values." + column);
    }

    private static void caseStep(String token, String id, int version, String action, Map<String, Object> body) {
        given().baseUri(suite.gateway()).header("Authorization", token).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(body).post("/api/v1/discipline-cases/" + id + "/" + action)
                .then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"");
    }

    private static void appealStep(String token, String id, int version, String action, Map<String, Object> body) {
        given().baseUri(suite.gateway()).header("Authorization", token).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(body).post("/api/v1/appeals/" + id + "/" + action)
                .then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"");
    }

    private static void step(String token, String id, int version, String action, Map<String, Object> body) {
        given().baseUri(suite.gateway()).header("Authorization", token).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON).body(body).post("/api/v1/inspections/" + id + "/" + action)
                .then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"");
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

    @Test
    @Order(3)
    void theSuitesDatabaseIsDurable() throws Exception {
        SuiteDatabase db = new SuiteDatabase(suite);
        // a 201 is answered only for a transaction whose WAL is on disk: a crash loses nothing acknowledged
        assertEquals("on", db.show("fsync"));
        assertEquals("on", db.show("synchronous_commit"));
        assertEquals("on", db.show("full_page_writes"));
    }

    @Test
    @Order(5)
    void upStartsAKilledServiceAndLeavesTheOthersAloneAndRestartRestartsOne() throws Exception {
        Path run = Path.of(suite.env.get("KTGS_HOME"), "run");
        long inspection = Long.parseLong(Files.readString(run.resolve("inspection.pid")).strip());
        long gateway = Long.parseLong(Files.readString(run.resolve("gateway.pid")).strip());
        new ProcessBuilder("kill", "-9", Long.toString(inspection)).start().waitFor();
        ProcessHandle.of(inspection).ifPresent(h -> h.onExit().join());
        assertTrue(suite.run("status").output().lines().anyMatch(l -> l.startsWith("inspection") && l.contains("stopped")));

        Suite.Result up = suite.run("up");
        assertEquals(0, up.exit(), up.output());
        assertTrue(up.output().contains("Not running: inspection; starting only those."), up.output());
        assertTrue(up.output().contains("Started: inspection."), up.output());
        assertEquals(gateway, Long.parseLong(Files.readString(run.resolve("gateway.pid")).strip()), "the gateway was left alone");
        given().baseUri(suite.gateway()).header("Authorization", "Bearer " + suite.token("officer-thanhsen"))
                .get("/api/v1/inspections/org-units/" + createdId).then().statusCode(200);

        long complaints = Long.parseLong(Files.readString(run.resolve("complaints.pid")).strip());
        Suite.Result restart = suite.run("restart", "complaints");
        assertEquals(0, restart.exit(), restart.output());
        assertTrue(restart.output().contains("complaints is running and ready."), restart.output());
        assertTrue(ProcessHandle.of(complaints).isEmpty() || !ProcessHandle.of(complaints).get().isAlive());
        assertEquals(gateway, Long.parseLong(Files.readString(run.resolve("gateway.pid")).strip()));
        Suite.Result status = suite.run("status");
        assertTrue(status.output().lines().anyMatch(l -> l.startsWith("complaints") && l.contains("running, ready")
                && l.contains("0 dead letters")), status.output());
        Suite.Result unknown = suite.run("restart", "nothing");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.output().contains("usage: ./suite restart NAME"), unknown.output());
    }

    /**
     * PostgreSQL crashes (immediate stop) while clients write through the gateway and the services consume:
     * every write a client saw acknowledged is in the owner and in every copy, and each copy applied each
     * event once. The clients retry what failed with the same Idempotency-Key, as a careful client does.
     */
    @Test
    @Order(6)
    void noAcknowledgedWriteIsLostWhenPostgresCrashes() throws Exception {
        String admin = suite.token("admin");
        int clients = 4;
        int perClient = 40;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> writers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    acknowledged.add(createRetrying(http, admin, "HT-CRASH-" + client + "-" + i));
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= clients * perClient * 4 / 10);
        new SuiteDatabase(suite).crashAndRestart(Duration.ofSeconds(5));
        for (Future<?> w : writers) {
            w.get(4, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(clients * perClient, acknowledged.size());

        SuiteDatabase db = new SuiteDatabase(suite);
        String[] ids = acknowledged.toArray(String[]::new);
        assertEquals(ids.length, count(db, "planning", "SELECT count(*) FROM org_unit WHERE id::text = ANY(?)", ids),
                "every acknowledged unit is in planning-service");
        List<String> events = new ArrayList<>();
        try (var c = db.connect("planning"); var ps = c.prepareStatement(
                "SELECT event_id::text FROM kit_outbox WHERE topic = 'ktgs.org-units.v1' AND event_key = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            var rs = ps.executeQuery();
            while (rs.next()) {
                events.add(rs.getString(1));
            }
        }
        assertEquals(ids.length, events.size(), "one event per unit created");
        for (String service : new String[] {"inspection", "discipline", "complaints"}) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    count(db, service, "SELECT count(*) FROM kit_org_unit_copy WHERE id::text = ANY(?)", ids) == ids.length);
            assertEquals(ids.length, count(db, service, "SELECT count(*) FROM kit_processed_event WHERE consumer = '"
                    + service + "-service' AND event_id = ANY(?)", events.toArray(String[]::new)), service + " applied each event once");
            assertEquals(0, count(db, service, "SELECT count(*) FROM kit_org_unit_copy WHERE id::text = ANY(?) AND version <> 1", ids));
        }
        Suite.Result status = suite.run("status");
        assertTrue(status.output().lines().filter(l -> l.contains("0 dead letters")).count() >= 4, status.output());
    }

    /** Creates a unit, retrying with the same Idempotency-Key until the answer is definitive; returns its id. */
    private static String createRetrying(HttpClient http, String token, String code) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gateway() + "/api/v1/org-units"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", code).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":\"Chi bộ " + code
                        + "\",\"level\":\"CELL\",\"parentId\":\"" + WARD + "\"}")).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201 || r.statusCode() == 200) {
                    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("id").asText();
                }
                if (r.statusCode() < 500 && r.statusCode() != 408 && r.statusCode() != 429) {
                    throw new AssertionError(code + ": " + r.statusCode() + " " + r.body());
                }
            } catch (java.io.IOException retry) {
                // the connection broke: the same key makes the retry safe
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(code + " got no definitive answer in 3 minutes");
            }
            Thread.sleep(250);
        }
    }

    private static long count(SuiteDatabase db, String database, String sql, String[] values) throws Exception {
        try (var c = db.connect(database); var ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", values));
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
