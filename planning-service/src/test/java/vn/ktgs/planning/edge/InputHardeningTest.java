package vn.ktgs.planning.edge;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.devstack.JwtMinter;
import vn.ktgs.kit.contract.Management;
import vn.ktgs.kit.problem.ProblemMappers;
import vn.ktgs.kit.security.RememberedTokens;
import vn.ktgs.planning.Sql;
import vn.ktgs.planning.TestTree;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static vn.ktgs.kit.contract.TestTokens.bearer;

/** Inputs that once answered 500, 404 or were stored as they came: each is now a 4xx problem naming the field, and changes nothing. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "planning"))
class InputHardeningTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    @Inject
    JWTParser parser;

    @Test
    void textWithNulControlOrBidiCharactersIsRefusedNamingTheField() {
        TestTree t = new TestTree();
        String admin = bearer(t.province, "admin");
        for (String name : List.of("Chi bộ\u0000 A", "Chi bộ \u202Egnaht", "Chi bộ\u0007B")) {
            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(Map.of("code", "X-" + t.tag, "name", name, "level", "CELL", "parentId", t.ward))
                    .post("/api/v1/org-units").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("name")).body("errors[0].rule", equalTo("text-characters"));
        }
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("code", "X-" + t.tag, "name", "Chi bộ\nhai dòng", "level", "CELL", "parentId", t.ward))
                .post("/api/v1/org-units").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name")).body("errors[0].rule", equalTo("singleLine"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM org_unit WHERE code = 'X-" + t.tag + "'"), "nothing was created");
        given().header("Authorization", bearer(t.ward, "officer")).contentType(ContentType.JSON)
                .body(Map.of("kind", "ANNUAL", "year", 2026, "title", "Kế hoạch năm 2026", "items", List.of(Map.of(
                        "kind", "THEMATIC_SUPERVISION", "subject", Map.of("type", "ORG_UNIT", "orgUnitId", t.wardCell),
                        "content", "Nội dung\u0000", "period", Map.of("type", "QUARTER", "quarter", 2)))))
                .post("/api/v1/plans").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("items[0].content")).body("errors[0].rule", equalTo("text-characters"));
        given().header("Authorization", admin).queryParam("q", "a\u0000b").get("/api/v1/org-units")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("q"));
    }

    @Test
    void badQueryParametersAre400NamingTheParameter() {
        TestTree t = new TestTree();
        String viewer = bearer(t.province, "viewer");
        given().header("Authorization", viewer).queryParam("page", "abc").get("/api/v1/org-units")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("page"))
                .body("errors[0].rule", equalTo("integer"));
        given().header("Authorization", viewer).queryParam("page", 2147483647).queryParam("size", 200).get("/api/v1/org-units")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        given().header("Authorization", viewer).queryParam("level", "CEL").get("/api/v1/org-units")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("level"))
                .body("errors[0].rule", equalTo("level-known"));
        given().header("Authorization", viewer).queryParam("level", "CELL").get("/api/v1/org-units")
                .then().statusCode(200).body("items.level", everyItem(equalTo("CELL"))).body("totalItems", greaterThan(0));
        given().header("Authorization", viewer).queryParam("includeInactive", "maybe").get("/api/v1/org-units/" + t.province + "/children")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("includeInactive"))
                .body("errors[0].rule", equalTo("boolean"));
        given().header("Authorization", viewer).queryParam("includeInactive", "TRUE").get("/api/v1/org-units/" + t.province + "/children")
                .then().statusCode(200);
        given().header("Authorization", viewer).queryParam("year", "twenty").get("/api/v1/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("year"));
        given().header("Authorization", viewer).queryParam("from", "tomorrow").queryParam("add", 3)
                .get("/api/v1/rule-sets/calendar/working-days")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("from")).body("errors[0].rule", equalTo("date"));
    }

    /**
     * A caller that breaks its upload off (or the gateway, cutting off one too large) is no failure of the service:
     * one line in the log, no ERROR with a stack trace, nothing imported.
     */
    @Test
    void aBodyThatBreaksOffIsLoggedAsTheCallersDoingNotAsAnError() throws Exception {
        TestTree t = new TestTree();
        String head = "POST /api/v1/members:import HTTP/1.1\r\nHost: planning\r\nAuthorization: "
                + bearer(t.province, "admin") + "\r\nContent-Type: application/x-ndjson\r\nIdempotency-Key: cut-" + t.tag
                + "\r\n";
        String row = "{\"cardNumber\":\"" + t.tag + "\"}\n";
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ProblemMappers.class.getName());
        logger.addHandler(capture);
        try {
            // the connection closes with half of the announced body sent; a chunk without its closing CR LF
            send(head + "Content-Length: 1000\r\n\r\n" + row);
            send(head + "Transfer-Encoding: chunked\r\n\r\n2\r\n" + row);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(2,
                    logged.stream().filter(r -> r.getMessage().contains("could not be read to the end")).count()));
            assertEquals(List.of(), logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(LogRecord::getMessage).toList());
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM member WHERE card_number = '" + t.tag + "'"), "nothing imported");
    }

    private static void send(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // the caller leaves once the service has begun reading the body: one that leaves before the request reaches
            // the import (token check, routing) is a request never read, with nothing to log, and the test would race
            Thread.sleep(1000);
            socket.shutdownOutput();
            socket.getInputStream().readAllBytes(); // until the service closes the connection
        }
    }

    @Test
    void aBodyOfTheWrongShapeIsNamedWithoutJavaTypes() {
        TestTree t = new TestTree();
        given().header("Authorization", bearer(t.province, "admin")).contentType(ContentType.JSON).body("[]")
                .post("/api/v1/org-units").then().statusCode(400).contentType(PROBLEM)
                .body(not(containsString("java."))).body(not(containsString("ArrayList"))).body(not(containsString("vn.ktgs")))
                .body("errors[0].message", equalTo("expected an object"));
    }

    @Test
    void aBodyIsReadAsWrittenNotCoercedAndAFieldGivenTwiceIsRefused() {
        TestTree t = new TestTree();
        String admin = bearer(t.province, "admin");
        String unit = "\"code\":\"X-" + t.tag + "\",\"parentId\":\"" + t.ward + "\"";
        Map<String, String> refused = Map.of(
                "{" + unit + ",\"name\":\"A\",\"name\":\"B\",\"level\":\"CELL\"}", "name",
                "{" + unit + ",\"name\":12345,\"level\":\"CELL\"}", "name",
                "{" + unit + ",\"name\":\"Chi b\\u1ed9 \\ud800 l\\u1ebb\",\"level\":\"CELL\"}", "name",
                "{" + unit + ",\"name\":\"Chi bộ\",\"level\":2}", "level");
        refused.forEach((body, field) -> given().header("Authorization", admin).contentType(ContentType.JSON).body(body)
                .post("/api/v1/org-units").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field)).body(not(containsString("java"))).body(not(containsString("Jackson"))));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM org_unit WHERE code = 'X-" + t.tag + "'"), "nothing was created");
        String officer = bearer(t.ward, "officer");
        given().header("Authorization", officer).contentType(ContentType.JSON)
                .body("{\"kind\":2,\"year\":2026,\"title\":\"Kế hoạch\",\"items\":[]}").post("/api/v1/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("ANNUAL"));
        given().header("Authorization", officer).contentType(ContentType.JSON)
                .body("{\"kind\":\"ANNUAL\",\"year\":\"2026\",\"title\":\"Kế hoạch\",\"items\":[]}").post("/api/v1/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("year"));
        given().header("Authorization", officer).contentType(ContentType.JSON)
                .body("{\"kind\":\"ANNUAL\",\"year\":2026.5,\"title\":\"Kế hoạch\",\"items\":[]}").post("/api/v1/plans")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("year"));
    }

    @Test
    void aBodyThatIsNotJsonIs415AndChangesNothing() {
        TestTree t = new TestTree();
        given().header("Authorization", bearer(t.province, "admin")).contentType(ContentType.TEXT).body("{\"name\":\"X\"}")
                .post("/api/v1/org-units/" + t.wardCell + "/rename").then().statusCode(415).contentType(PROBLEM)
                .body("errors[0].field", equalTo("Content-Type"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM org_unit WHERE id = '" + t.wardCell + "' AND name LIKE '%X%'"),
                "the unit kept its name");
        String nested = "[".repeat(1001) + "]".repeat(1001);
        given().urlEncodingEnabled(false).header("Authorization", bearer(t.province, "admin")).contentType(ContentType.JSON)
                .body(nested).post("/api/v1/members:import").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        given().urlEncodingEnabled(false).header("Authorization", bearer(t.province, "admin")).contentType("application/x-ndjson")
                .body(("{\"notAField\":" + nested + "}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/members:import").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("rows[1].body")).body("errors[0].rule", equalTo("json"));
    }

    @Test
    void datesAndYearsOutsideWhatARecordCanMeanAreRefused() {
        TestTree t = new TestTree();
        String officer = bearer(t.ward, "officer");
        for (String to : List.of("+999999999-12-31", "2026-12-31T23:59:59Z", "0000-01-01", "2026-02-30")) {
            given().header("Authorization", officer).contentType(ContentType.JSON)
                    .body(Map.of("kind", "ANNUAL", "year", 2026, "title", "Kế hoạch năm 2026", "items", List.of(Map.of(
                            "kind", "THEMATIC_SUPERVISION", "subject", Map.of("type", "ORG_UNIT", "orgUnitId", t.wardCell),
                            "content", "Nội dung", "period", Map.of("type", "RANGE", "from", "2026-01-01", "to", to)))))
                    .post("/api/v1/plans").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("items[0].period.to")).body("errors[0].message", containsString("2026-02-13"));
        }
        given().header("Authorization", officer).contentType(ContentType.JSON)
                .body(Map.of("kind", "ANNUAL", "year", 2026, "title", "Kế hoạch năm 2026", "items", List.of(Map.of(
                        "kind", "THEMATIC_SUPERVISION", "subject", Map.of("type", "ORG_UNIT", "orgUnitId", t.wardCell),
                        "content", "Nội dung", "period", Map.of("type", "MONTH", "year", Integer.MAX_VALUE, "month", 1)))))
                .post("/api/v1/plans").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("items[0].period")).body("errors[0].rule", equalTo("period-valid"));
        given().header("Authorization", officer).contentType(ContentType.JSON)
                .body(Map.of("kind", "TERM_PROGRAMME", "termStart", 2147483640, "termEnd", 2147483644, "title", "Chương trình", "items", List.of()))
                .post("/api/v1/plans").then().statusCode(422).contentType(PROBLEM).body("errors[0].rule", equalTo("term-for-programme"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM plan WHERE owner_unit_id = '" + t.ward + "'"), "nothing was created");
        given().header("Authorization", officer).queryParam("from", "+999999999-12-31").queryParam("add", 1)
                .get("/api/v1/rule-sets/calendar/working-days")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("from")).body("errors[0].rule", equalTo("date"));
        given().header("Authorization", officer).queryParam("from", "9999-12-31").queryParam("add", 1)
                .get("/api/v1/rule-sets/calendar/working-days")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].rule", equalTo("calendar-covers-year"));
    }

    @Test
    void aDayBeforeAnyRuleSetOrBeyondTheCalendarIs422() {
        TestTree t = new TestTree();
        String viewer = bearer(t.province, "viewer");
        given().header("Authorization", viewer).queryParam("org", t.province.toString()).queryParam("year", 2001)
                .get("/api/v1/plans/coverage").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].rule", equalTo("rule-set-in-force"));
        given().header("Authorization", viewer).queryParam("org", t.province.toString()).queryParam("term", "2030-2025")
                .get("/api/v1/plans/coverage").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("term")).body("errors[0].rule", equalTo("term-order"));
        given().header("Authorization", viewer).queryParam("year", 2027).get("/api/v1/rule-sets/calendar")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].rule", equalTo("calendar-covers-year"));
        given().header("Authorization", viewer).queryParam("from", "2026-12-01").queryParam("add", 90)
                .get("/api/v1/rule-sets/calendar/working-days")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].rule", equalTo("calendar-covers-year"));
        // 30 calendar days after 15/1/2026 is Saturday 14/2, in Tết: the period ends on Monday 23/2
        given().header("Authorization", viewer).queryParam("from", "2026-01-15").queryParam("add", 30).queryParam("unit", "CALENDAR")
                .get("/api/v1/rule-sets/calendar/working-days").then().statusCode(200).body("date", equalTo("2026-02-23"));
        given().header("Authorization", viewer).queryParam("year", 2026).get("/api/v1/rule-sets/calendar").then().statusCode(200)
                .body("find { it.day == '2026-01-10' }.kind", equalTo("WORKDAY"))
                .body("find { it.day == '2026-11-24' }.inForce", equalTo(false))
                .body("find { it.day == '2026-02-16' }.document", containsString("9441/TB-BNV"));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        TestTree t = new TestTree();
        long inAnHour = Instant.now().getEpochSecond() + 3600;
        String token = Devstack.shared().tokens().sign(Map.of("iss", JwtMinter.LOCAL_ISSUER, "aud", JwtMinter.AUDIENCE,
                "sub", "x", "groups", List.of("viewer"), "org", t.province.toString(), "iat", inAnHour, "exp", inAnHour + 600));
        for (int i = 0; i < 2; i++) { // the second time its signature is known to be good: still refused
            given().header("Authorization", "Bearer " + token).get("/api/v1/org-units/" + t.province)
                    .then().statusCode(401).contentType(PROBLEM);
        }
    }

    @Test
    void tokensAreCheckedByTheKitsParserThatRemembersThoseThatPassed() throws Exception {
        assertInstanceOf(RememberedTokens.class, ClientProxy.unwrap(parser));
        TestTree t = new TestTree();
        String token = Devstack.shared().tokens().mint("viewer-1", t.province.toString(), List.of("viewer"), 300);
        assertSame(parser.parse(token), parser.parse(token));
        given().header("Authorization", "Bearer " + token).get("/api/v1/org-units/" + t.province).then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentTypesEveryAnswerAndItsProblems() {
        var doc = Management.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        String create = "paths.'/api/v1/plans'.post";
        assertEquals("PlanResource_create", doc.getString(create + ".operationId"));
        org.hamcrest.MatcherAssert.assertThat(doc.getString(create + ".responses.'201'.content.'application/json'.schema.$ref"),
                containsString("PlanView"));
        assertEquals("#/components/schemas/Problem", doc.getString(create + ".responses.'422'.content.'application/problem+json'.schema.$ref"));
        String submit = "paths.'/api/v1/plans/{id}/submit'.post";
        assertEquals("#/components/schemas/Problem", doc.getString(submit + ".responses.'428'.content.'application/problem+json'.schema.$ref"));
        assertEquals("#/components/schemas/Problem", doc.getString(submit + ".responses.'409'.content.'application/problem+json'.schema.$ref"));
        org.hamcrest.MatcherAssert.assertThat(doc.getString("paths.'/api/v1/org-units/{id}'.get.responses.'200'.content.'application/json'.schema.$ref"),
                containsString("OrgUnitView"));
    }

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        given().get("/q/metrics").then().statusCode(404).contentType(PROBLEM);
        Management.given().get("/q/metrics").then().statusCode(200).body(containsString("ktgs_outbox_pending"));
    }
}
