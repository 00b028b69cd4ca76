package vn.ktgs.planning.edge;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.kit.time.KitClock;
import vn.ktgs.planning.Sql;
import vn.ktgs.planning.TestTree;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ktgs.kit.contract.TestTokens.bearer;

/** Requests that race each other: the loser gets 409 naming the rule, never 500, and the tree and plans stay whole. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "planning"))
class ConcurrencyTest {
    @Inject
    AgroalDataSource db;
    @Inject
    Clock clock;

    @Test
    void creationsRacingForOneCodeMakeOneUnitAndConflicts() throws Exception {
        TestTree t = new TestTree();
        String admin = bearer(t.province, "admin");
        String code = "RACE-" + t.tag;
        List<Response> answers = race(8, () -> given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Chi bộ đua " + UUID.randomUUID(), "level", "CELL", "parentId", t.ward))
                .post("/api/v1/org-units"));
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count(), statuses(answers));
        for (Response r : answers) {
            if (r.statusCode() != 201) {
                assertEquals(409, r.statusCode(), statuses(answers));
                r.then().contentType("application/problem+json").body("errors[0].field", equalTo("code"))
                        .body("errors[0].rule", equalTo("code-unique"));
            }
        }
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM org_unit WHERE code = '" + code + "'"));
    }

    @Test
    void approvalsRacingForOneYearApproveOnePlan() throws Exception {
        TestTree t = new TestTree();
        String officer = bearer(t.ward, "officer");
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = given().header("Authorization", officer).contentType(ContentType.JSON)
                    .body(Map.of("kind", "ANNUAL", "year", 2026, "title", "Kế hoạch " + i, "items", List.of(Map.of(
                            "kind", "THEMATIC_SUPERVISION", "subject", Map.of("type", "ORG_UNIT", "orgUnitId", t.wardCell),
                            "content", "Nội dung " + i, "period", Map.of("type", "QUARTER", "quarter", 2)))))
                    .post("/api/v1/plans").then().statusCode(201).extract().path("id");
            given().header("Authorization", officer).header("If-Match", "\"1\"").post("/api/v1/plans/" + id + "/submit")
                    .then().statusCode(200);
            plans.add(id);
        }
        String committee = bearer(t.ward, "committee");
        List<Callable<Response>> approvals = plans.stream().<Callable<Response>>map(id -> () -> given()
                .header("Authorization", committee).header("If-Match", "\"2\"").post("/api/v1/plans/" + id + "/approve")).toList();
        List<Response> answers = race(approvals);
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 200).count(), statuses(answers));
        for (Response r : answers) {
            if (r.statusCode() != 200) {
                assertEquals(409, r.statusCode(), statuses(answers));
                assertTrue(List.of("one-approved-plan", "concurrent-change").contains(r.path("errors[0].rule") == null
                        ? "concurrent-change" : r.path("errors[0].rule")), r.asString());
            }
        }
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM plan WHERE owner_unit_id = '" + t.ward + "' AND approved_revision IS NOT NULL"));
    }

    @Test
    void movesRacingToPutTwoUnitsUnderEachOtherNeverMakeACycle() throws Exception {
        // No two levels of the real data may sit under each other, so there the level rules alone keep the tree
        // free of cycles; under a level that may sit under itself only the parent lock and the cycle check do.
        Sql.execute(db, "INSERT INTO org_level (code, label_vi, label_en, sort_order, may_have_ubkt, regulation)"
                + " VALUES ('TEST_NESTING', 'Cấp thử nghiệm', 'A level that may sit under itself', 99, false, 'test')"
                + " ON CONFLICT DO NOTHING;"
                + " INSERT INTO org_level_parent VALUES ('TEST_NESTING', 'PROVINCE'), ('TEST_NESTING', 'TEST_NESTING')"
                + " ON CONFLICT DO NOTHING");
        TestTree t = new TestTree();
        String admin = bearer(t.province, "admin");
        for (int round = 0; round < 4; round++) {
            UUID a = nestingUnit(admin, t.province, "NA" + round + t.tag);
            UUID b = nestingUnit(admin, t.province, "NB" + round + t.tag);
            nestingUnit(admin, a, "NAA" + round + t.tag);
            Callable<Response> aUnderB = () -> given().header("Authorization", admin).header("If-Match", "\"1\"")
                    .contentType(ContentType.JSON).body(Map.of("parentId", b)).post("/api/v1/org-units/" + a + "/move");
            Callable<Response> bUnderA = () -> given().header("Authorization", admin).header("If-Match", "\"1\"")
                    .contentType(ContentType.JSON).body(Map.of("parentId", a)).post("/api/v1/org-units/" + b + "/move");
            List<Response> answers = race(List.of(aUnderB, bUnderA));
            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertEquals(200, statuses.get(0), statuses(answers));
            assertTrue(List.of(409, 422).contains(statuses.get(1)), "both moved, a cycle: " + statuses(answers));
            assertEquals(1, Sql.count(db, "SELECT count(*) FROM org_unit WHERE (id = '" + a + "' AND parent_id = '" + b + "')"
                    + " OR (id = '" + b + "' AND parent_id = '" + a + "')"), "exactly one unit moved");
        }
        // every unit's path is its parent's path and its own id
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM org_unit u JOIN org_unit p ON p.id = u.parent_id"
                + " WHERE u.path <> p.path || u.id || '/'"));
    }

    private static UUID nestingUnit(String admin, UUID parent, String code) {
        return UUID.fromString(given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Đơn vị " + code, "level", "TEST_NESTING", "parentId", parent))
                .post("/api/v1/org-units").then().statusCode(201).extract().path("id"));
    }

    @Test
    void todayIsVietnamsDayWhateverTheHostsZone() {
        TestTree t = new TestTree();
        String officer = bearer(t.ward, "officer");
        String id = given().header("Authorization", officer).contentType(ContentType.JSON)
                .body(Map.of("kind", "ANNUAL", "year", 2026, "title", "Kế hoạch năm 2026", "items", List.of(Map.of(
                        "kind", "THEMATIC_SUPERVISION", "subject", Map.of("type", "ORG_UNIT", "orgUnitId", t.wardCell),
                        "content", "Quý 4", "period", Map.of("type", "QUARTER", "quarter", 4)))))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().header("Authorization", officer).header("If-Match", "\"1\"").post("/api/v1/plans/" + id + "/submit").then().statusCode(200);
        given().header("Authorization", bearer(t.ward, "committee")).header("If-Match", "\"2\"").post("/api/v1/plans/" + id + "/approve")
                .then().statusCode(200);
        // the service's clock is Vietnam's, whatever the host's zone (pods run in UTC)
        assertEquals(KitClock.ZONE, clock.getZone());
        // 18:00 UTC on 31/12/2026 is 01:00 on 1/1/2027 in Hà Nội: the fourth quarter is over there
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2026-12-31T18:00:00Z"), clock.getZone()), Clock.class);
        given().header("Authorization", officer).get("/api/v1/plans/" + id + "/progress").then().statusCode(200)
                .body("asOf", equalTo("2027-01-01")).body("overdue", equalTo(1));
    }

    @Test
    void membersRacingForOneCardNumberMakeOneMemberAndConflicts() throws Exception {
        TestTree t = new TestTree();
        String admin = bearer(t.province, "admin");
        String card = "RACE-" + t.tag;
        List<Response> answers = race(8, () -> given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("cardNumber", card, "citizenId", String.format("%012d", java.util.concurrent.ThreadLocalRandom.current()
                        .nextLong(1_000_000_000_000L)), "fullName", "Nguyễn Văn Đua", "unitId", t.wardCell, "status", "OFFICIAL"))
                .post("/api/v1/members"));
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count(), statuses(answers));
        for (Response r : answers) {
            if (r.statusCode() != 201) {
                assertEquals(409, r.statusCode(), statuses(answers));
                r.then().contentType("application/problem+json").body("errors[0].field", equalTo("cardNumber"))
                        .body("errors[0].rule", equalTo("card-number-unique"));
            }
        }
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM member WHERE card_number = '" + card + "'"));
    }

    @Test
    void importsRacingWithOneBatchWriteEachMemberAndEventOnce() throws Exception {
        TestTree t = new TestTree();
        String integration = bearer(t.province, "integration");
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            batch.append(String.format("{\"cardNumber\":\"RACE-%s-%d\",\"citizenId\":\"%s%04d\",\"fullName\":\"Trần Văn %d\","
                    + "\"unitId\":\"%s\",\"status\":\"OFFICIAL\"}%n", t.tag, i, t.tag.replaceAll("[^0-9]", "9").substring(0, 8), i, i,
                    t.communeCell));
        }
        byte[] body = batch.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Response> answers = race(4, () -> given().urlEncodingEnabled(false).header("Authorization", integration)
                .contentType("application/x-ndjson").body(body).post("/api/v1/members:import"));
        assertTrue(answers.stream().anyMatch(r -> r.statusCode() == 200), statuses(answers));
        for (Response r : answers) {
            if (r.statusCode() == 409) {
                r.then().contentType("application/problem+json").body("errors[0].rule", equalTo("card-number-unique"));
            } else {
                assertEquals(200, r.statusCode(), statuses(answers));
            }
        }
        assertEquals(50, answers.stream().filter(r -> r.statusCode() == 200).mapToInt(r -> r.path("created")).sum(), statuses(answers));
        assertEquals(50, Sql.count(db, "SELECT count(*) FROM member WHERE card_number LIKE 'RACE-" + t.tag + "-%'"));
        assertEquals(50, Sql.count(db, "SELECT count(*) FROM kit_outbox WHERE topic = 'ktgs.members.v1' AND payload LIKE '%RACE-"
                + t.tag + "-%'"));
    }

    private static List<Response> race(int n, Callable<Response> call) throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call);
        }
        return race(calls);
    }

    /** Starts the calls together and collects their answers. */
    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String statuses(List<Response> answers) {
        return answers.stream().map(r -> r.statusCode() + " " + r.asString()).toList().toString();
    }
}
