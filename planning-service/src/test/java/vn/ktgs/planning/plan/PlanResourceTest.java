package vn.ktgs.planning.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.InspectionProgress;
import vn.ktgs.events.Topics;
import vn.ktgs.planning.Sql;
import vn.ktgs.planning.TestTree;
import vn.ktgs.kit.contract.TopicWatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ktgs.kit.contract.TestTokens.bearer;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "planning"))
class PlanResourceTest {
    private static final String PLANS = "/api/v1/plans";
    private static final int YEAR = 2026;

    @Inject
    AgroalDataSource db;

    private TestTree tree;
    private String wardOfficer;
    private String wardCommittee;

    @BeforeEach
    void tree() {
        tree = new TestTree();
        wardOfficer = bearer(tree.ward, "officer");
        wardCommittee = bearer(tree.ward, "committee");
    }

    @Test
    void draftsAPlanAndReadsItBack() {
        String id = given().header("Authorization", wardOfficer).contentType(ContentType.JSON)
                .body(annual("Kế hoạch kiểm tra, giám sát năm 2026", List.of(
                        item("THEMATIC_SUPERVISION", orgSubject(tree.wardCell), month(3)),
                        item("INSPECTION_ON_SIGNS", memberSubject(tree.wardCell), quarter(2)))))
                .post(PLANS)
                .then().statusCode(201).header("Location", containsString(PLANS + "/")).header("ETag", "\"1\"")
                .body("status", equalTo("DRAFT")).body("revision", equalTo(1)).body("approvedRevision", nullValue())
                .body("ownerUnitId", equalTo(tree.ward.toString()))
                .body("ruleSetId", equalTo("PLANNING-QD296-2025"))
                .body("title", equalTo("Kế hoạch kiểm tra, giám sát năm 2026"))
                .body("items.size()", equalTo(2))
                .body("items[0].activity", equalTo("SUPERVISION"))
                .body("items[0].period.from", equalTo("2026-03-01")).body("items[0].period.to", equalTo("2026-03-31"))
                .body("items[1].activity", equalTo("INSPECTION"))
                .body("items[1].subject.memberName", equalTo("Nguyễn Văn Hùng"))
                .body("items[1].period.from", equalTo("2026-04-01")).body("items[1].period.to", equalTo("2026-06-30"))
                .extract().path("id");
        given().header("Authorization", bearer(tree.province, "viewer")).get(PLANS + "/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("items.size()", equalTo(2));
        assertEquals(2, Sql.count(db, "SELECT count(*) FROM plan_item WHERE plan_id = '" + id + "'"));
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND action = 'plan.create'"));

        given().header("Authorization", bearer(tree.province, "viewer")).get(PLANS + "/codes")
                .then().statusCode(200).body("itemKind.find { it.code == 'INSPECTION_ON_SIGNS' }.labelVi",
                        equalTo("Kiểm tra khi có dấu hiệu vi phạm"));
        given().header("Authorization", wardOfficer).get("/api/v1/rule-sets/PLANNING-QD296-2025")
                .then().statusCode(200).body("rules.'plan.item-kinds.not-for-staff-agencies'.value", contains("INSPECTION_ON_SIGNS"));
        given().header("Authorization", wardOfficer).queryParam("from", "2026-02-13").queryParam("add", 1)
                .get("/api/v1/rule-sets/calendar/working-days").then().statusCode(200).body("date", equalTo("2026-02-23"));
    }

    @Test
    void runsTheWorkflowAndAnnouncesTheApprovedPlanWithItsItems() {
        String id = draft(tree.ward, wardOfficer, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3))));
        // a draft is edited freely by the owning unit's officers
        given().header("Authorization", wardOfficer).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(annual("Kế hoạch năm 2026 (sửa)", List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3)),
                        item("REGULAR_SUPERVISION", orgSubject(tree.ward), range("2026-01-15", "2026-12-15")))))
                .put(PLANS + "/" + id).then().statusCode(200).header("ETag", "\"2\"").body("items.size()", equalTo(2));
        // a transition without the version the caller has seen is refused, and changes nothing
        given().header("Authorization", wardOfficer).post(PLANS + "/" + id + "/submit").then().statusCode(428)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"))
                .body("errors[0].rule", equalTo("required"));
        assertEquals("DRAFT", Sql.string(db, "SELECT status FROM plan WHERE id = '" + id + "'"));
        action(id, "submit", wardOfficer, null).statusCode(200).body("status", equalTo("SUBMITTED"));
        action(id, "return", wardCommittee, Map.of("reason", "Bổ sung nội dung giám sát chuyên đề")).statusCode(200)
                .body("status", equalTo("RETURNED"));
        action(id, "submit", wardOfficer, null).statusCode(200).body("status", equalTo("SUBMITTED"));
        // a committee member of a unit above approves it
        action(id, "approve", bearer(tree.province, "committee"), null).statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedRevision", equalTo(1));

        List<JsonNode> events = TopicWatcher.eventsFor(Topics.PLANNING, id, l -> !l.isEmpty(), Duration.ofSeconds(20));
        assertEquals(1, events.size());
        JsonNode e = events.get(0);
        assertEquals(EventTypes.PLAN_APPROVED, e.get("type").asText());
        assertEquals(tree.ward.toString(), e.at("/data/ownerUnitId").asText());
        assertEquals(2, e.at("/data/items").size());
        assertEquals("THEMATIC_INSPECTION", e.at("/data/items/0/kind").asText());
        assertEquals("2026-07-01", e.at("/data/items/0/periodFrom").asText());
        assertEquals(tree.wardCell.toString(), e.at("/data/items/0/subject/orgUnitId").asText());

        action(id, "close", wardCommittee, null).statusCode(200).body("status", equalTo("CLOSED"));
        given().header("Authorization", wardOfficer).get(PLANS + "/" + id + "/history").then().statusCode(200)
                .body("transitions.action", contains("CREATE", "SUBMIT", "RETURN", "SUBMIT", "APPROVE", "CLOSE"))
                .body("transitions[2].reason", equalTo("Bổ sung nội dung giám sát chuyên đề"))
                .body("transitions[4].actor", containsString(tree.province.toString()));
    }

    @Test
    void refusesIllegalTransitionsNamingTheRule() {
        String id = draft(tree.ward, wardOfficer, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3))));
        conflict(action(id, "approve", wardCommittee, null), "transition-allowed");
        conflict(action(id, "close", wardCommittee, null), "transition-allowed");
        conflict(action(id, "amend", wardOfficer, Map.of("reason", "x")), "transition-allowed");
        action(id, "submit", wardOfficer, null).statusCode(200);
        conflict(action(id, "submit", wardOfficer, null), "transition-allowed");
        given().header("Authorization", wardOfficer).header("If-Match", etag(id)).contentType(ContentType.JSON).body(annual("Sửa khi đã trình", List.of()))
                .put(PLANS + "/" + id).then().statusCode(409).body("errors[0].rule", equalTo("transition-allowed"));
        action(id, "return", wardCommittee, Map.of("reason", " ")).statusCode(400).body("errors[0].field", equalTo("reason"));
        action(id, "approve", wardCommittee, null).statusCode(200);
        given().header("Authorization", wardOfficer).header("If-Match", etag(id)).contentType(ContentType.JSON).body(annual("Sửa tại chỗ", List.of()))
                .put(PLANS + "/" + id).then().statusCode(409).body("errors[0].rule", equalTo("transition-allowed"));
        given().header("Authorization", wardOfficer).header("If-Match", "\"1\"").post(PLANS + "/" + id + "/close")
                .then().statusCode(403);
        given().header("Authorization", wardCommittee).header("If-Match", "\"1\"").post(PLANS + "/" + id + "/close")
                .then().statusCode(412);
        assertEquals("APPROVED", Sql.string(db, "SELECT status FROM plan WHERE id = '" + id + "'"));
    }

    @Test
    void refusesContentThatBreaksTheRulesAndWritesNothing() {
        long plansBefore = Sql.count(db, "SELECT count(*) FROM plan");
        // a subject outside the owning unit's subtree, a period outside the year, an activity that is not the kind's
        rejected(wardOfficer, annual("Sai", List.of(
                        item("THEMATIC_SUPERVISION", orgSubject(tree.communeCell), month(3)),
                        item("THEMATIC_SUPERVISION", orgSubject(tree.wardCell), range("2026-12-01", "2027-01-31")),
                        withActivity(item("THEMATIC_SUPERVISION", orgSubject(tree.wardCell), month(5)), "INSPECTION"))),
                422, List.of("items[0].subject.orgUnitId", "items[1].period", "items[2].activity"),
                List.of("subject-in-subtree", "period-in-plan", "activity-matches-kind"));
        // a staff agency may not run an inspection on signs of violation (from the rule set)
        rejected(bearer(tree.staffAgency, "officer"), annual("Ban Tổ chức", List.of(
                        item("INSPECTION_ON_SIGNS", orgSubject(tree.staffAgency), month(4)))),
                422, List.of("items[0].kind"), List.of("kind-allowed-for-owner"));
        Map<String, Object> noYear = annual("Không có năm", List.of());
        noYear.remove("year");
        rejected(wardOfficer, noYear, 422, List.of("year"), List.of("year-for-annual"));
        Map<String, Object> term = annual("Chương trình toàn khóa", List.of());
        term.remove("year");
        term.put("kind", "TERM_PROGRAMME");
        term.put("termStart", 2025);
        term.put("termEnd", 2035);
        rejected(wardOfficer, term, 422, List.of("termEnd"), List.of("term-length"));
        rejected(wardOfficer, annual("", List.of()), 400, List.of("title"), List.of("notBlank"));
        rejected(wardOfficer, annual("Tháng sai", List.of(item("THEMATIC_SUPERVISION", orgSubject(tree.wardCell),
                Map.of("type", "MONTH", "month", 13)))), 422, List.of("items[0].period"), List.of("period-valid"));
        assertEquals(plansBefore, Sql.count(db, "SELECT count(*) FROM plan"));

        String id = draft(tree.ward, wardOfficer, List.of());
        given().header("Authorization", wardOfficer).header("If-Match", etag(id)).post(PLANS + "/" + id + "/submit")
                .then().statusCode(422).body("errors[0].rule", equalTo("items-required"));
    }

    @Test
    void onlyOneApprovedAnnualPlanPerUnitAndYear() {
        String first = approvedPlan(tree.ward, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3))));
        String second = draft(tree.ward, wardOfficer, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(4))));
        action(second, "submit", wardOfficer, null).statusCode(200);
        conflict(action(second, "approve", wardCommittee, null), "one-approved-plan");
        assertEquals("SUBMITTED", Sql.string(db, "SELECT status FROM plan WHERE id = '" + second + "'"));
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM plan WHERE owner_unit_id = '" + tree.ward + "' AND approved_revision IS NOT NULL"));
        assertTrue(first != null);
    }

    @Test
    void rolesAndScopesDecideWhoMayDoWhat() {
        String id = draft(tree.ward, wardOfficer, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3))));
        given().get(PLANS + "/" + id).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(annual("x", List.of())).post(PLANS).then().statusCode(401);
        given().header("Authorization", bearer(tree.ward, "viewer")).contentType(ContentType.JSON).body(annual("x", List.of()))
                .post(PLANS).then().statusCode(403);
        action(id, "submit", bearer(tree.ward, "viewer"), null).statusCode(403);
        // the province's officers see the ward's plan but may not edit or submit it
        action(id, "submit", bearer(tree.province, "officer"), null).statusCode(403);
        given().header("Authorization", bearer(tree.province, "officer")).header("If-Match", etag(id)).contentType(ContentType.JSON)
                .body(annual("x", List.of())).put(PLANS + "/" + id).then().statusCode(403);
        // a plan for a unit below is drafted by that unit, not by the superior
        given().header("Authorization", bearer(tree.province, "officer")).contentType(ContentType.JSON)
                .body(withOwner(annual("x", List.of()), tree.ward)).post(PLANS).then().statusCode(403);
        // a sibling commune sees nothing of the ward's plan
        String sibling = bearer(tree.commune, "committee");
        given().header("Authorization", sibling).get(PLANS + "/" + id).then().statusCode(404);
        action(id, "submit", wardOfficer, null).statusCode(200);
        action(id, "approve", sibling, null).statusCode(404);
        action(id, "approve", wardOfficer, null).statusCode(403);
        given().header("Authorization", sibling).queryParam("org", tree.ward).get(PLANS).then().statusCode(404);
        given().header("Authorization", bearer(tree.wardCell, "viewer")).get(PLANS + "/" + id).then().statusCode(404);
        assertEquals("SUBMITTED", Sql.string(db, "SELECT status FROM plan WHERE id = '" + id + "'"));
    }

    @Test
    void listsFilterByUnitYearKindStatusAndTitleIgnoringDiacritics() {
        approvedPlan(tree.ward, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3))));
        draft(tree.commune, bearer(tree.commune, "officer"), List.of());
        String province = bearer(tree.province, "viewer");
        given().header("Authorization", province).get(PLANS).then().statusCode(200).body("totalItems", equalTo(2));
        given().header("Authorization", province).queryParam("subtree", false).get(PLANS).then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().header("Authorization", province).queryParam("status", "APPROVED").get(PLANS).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].ownerUnitId", equalTo(tree.ward.toString()));
        given().header("Authorization", province).queryParam("q", "ke hoach KIEM TRA").queryParam("year", YEAR)
                .queryParam("kind", "ANNUAL").get(PLANS).then().statusCode(200).body("totalItems", equalTo(2));
        given().header("Authorization", province).queryParam("org", tree.commune).queryParam("size", 1).get(PLANS)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].status", equalTo("DRAFT"));
        given().header("Authorization", province).queryParam("year", 2031).get(PLANS).then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().header("Authorization", province).queryParam("status", "FINISHED").get(PLANS).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().header("Authorization", province).queryParam("org", "not-an-id").get(PLANS).then().statusCode(400)
                .body("errors[0].field", equalTo("org"));
    }

    @Test
    void coverageListsTheUnitsWithoutAnApprovedPlan() {
        approvedPlan(tree.ward, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3))));
        approvedPlan(tree.wardCell, List.of(item("REGULAR_SUPERVISION", orgSubject(tree.wardCell), quarter(1))));
        draft(tree.commune, bearer(tree.commune, "officer"), List.of()); // a draft does not count
        given().header("Authorization", bearer(tree.province, "viewer")).queryParam("year", YEAR).get(PLANS + "/coverage")
                .then().statusCode(200)
                .body("ruleSetId", equalTo("PLANNING-QD296-2025"))
                .body("required", equalTo(4)).body("covered", equalTo(2)).body("missing", equalTo(2))
                .body("percentage", equalTo(50.0f))
                .body("units.items.id", containsInAnyOrder(tree.ward.toString(), tree.wardCell.toString(),
                        tree.commune.toString(), tree.communeCell.toString()));
        given().header("Authorization", bearer(tree.province, "viewer")).queryParam("year", YEAR).queryParam("missingOnly", true)
                .get(PLANS + "/coverage").then().statusCode(200)
                .body("units.totalItems", equalTo(2))
                .body("units.items.id", containsInAnyOrder(tree.commune.toString(), tree.communeCell.toString()))
                .body("units.items[0].approvedPlanId", nullValue());
        given().header("Authorization", bearer(tree.province, "viewer")).queryParam("term", "2025-2030").get(PLANS + "/coverage")
                .then().statusCode(200).body("required", equalTo(4)).body("covered", equalTo(0)).body("percentage", equalTo(0.0f));
        given().header("Authorization", bearer(tree.province, "viewer")).get(PLANS + "/coverage").then().statusCode(400);
        given().header("Authorization", bearer(tree.commune, "viewer")).queryParam("org", tree.ward).queryParam("year", YEAR)
                .get(PLANS + "/coverage").then().statusCode(404);
    }

    @Test
    void statisticsCountPlansCoverageAndItemsOfThePeriod() {
        approvedPlan(tree.ward, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3)),
                item("REGULAR_SUPERVISION", orgSubject(tree.wardCell), quarter(1))));
        approvedPlan(tree.wardCell, List.of(item("REGULAR_SUPERVISION", orgSubject(tree.wardCell), month(2))));
        draft(tree.commune, bearer(tree.commune, "officer"), List.of(item("FINANCE_INSPECTION", orgSubject(tree.commune), month(3))));
        String viewer = bearer(tree.province, "viewer");
        given().header("Authorization", viewer).queryParam("year", YEAR).get(PLANS + "/statistics").then().statusCode(200)
                .body("orgUnitId", equalTo(tree.province.toString())).body("from", equalTo("2026-01-01")).body("to", equalTo("2026-12-31"))
                .body("plansByKind.find { it.code == 'ANNUAL' }.count", equalTo(2))
                .body("plansByKind.find { it.code == 'TERM_PROGRAMME' }.count", equalTo(0))
                .body("coverage.required", equalTo(4)).body("coverage.covered", equalTo(2)).body("coverage.percentage", equalTo(50.0f))
                .body("itemsByKind.size()", equalTo(6))
                .body("itemsByKind.find { it.code == 'REGULAR_SUPERVISION' }.planned", equalTo(2))
                .body("itemsByKind.find { it.code == 'FINANCE_INSPECTION' }.planned", equalTo(0)) // a draft's items do not count
                .body("itemsTotal.planned", equalTo(3)).body("itemsTotal.done", equalTo(0)).body("itemsDonePercentage", equalTo(0.0f));
        // the first quarter: the items of February and of the first quarter only
        given().header("Authorization", viewer).queryParam("period", "QUARTER").queryParam("year", YEAR).queryParam("quarter", 1)
                .get(PLANS + "/statistics").then().statusCode(200).body("to", equalTo("2026-03-31"))
                .body("itemsTotal.planned", equalTo(2)).body("itemsByKind.find { it.code == 'THEMATIC_INSPECTION' }.planned", equalTo(0));
        // a term: the term programmes, of which there are none yet
        given().header("Authorization", viewer).queryParam("period", "TERM").queryParam("term", "2025-2030")
                .get(PLANS + "/statistics").then().statusCode(200).body("coverage.covered", equalTo(0))
                .body("plansByKind.find { it.code == 'ANNUAL' }.count", equalTo(2));
        String csv = given().header("Authorization", viewer).queryParam("year", YEAR).queryParam("format", "csv")
                .get(PLANS + "/statistics").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.contains("plansByKind,ANNUAL,\"Kế hoạch kiểm tra, giám sát năm\",2,"), csv);
        assertTrue(csv.contains("itemsByKind,TOTAL,\"Tổng số\",3,0,0,"), csv);
        given().header("Authorization", viewer).queryParam("period", "MONTH").queryParam("year", YEAR).get(PLANS + "/statistics")
                .then().statusCode(400).contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("month"));
        given().header("Authorization", bearer(tree.commune, "viewer")).queryParam("org", tree.ward).queryParam("year", YEAR)
                .get(PLANS + "/statistics").then().statusCode(404);
        given().queryParam("year", YEAR).get(PLANS + "/statistics").then().statusCode(401);
    }

    @Test
    void fulfilmentFollowsInspectionEventsOnceAndNeverGoesBack() throws Exception {
        String id = approvedPlan(tree.ward, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3)),
                item("REGULAR_SUPERVISION", orgSubject(tree.wardCell), month(1))));
        List<String> items = given().header("Authorization", wardOfficer).get(PLANS + "/" + id).then().extract().path("items.id");
        UUID planId = UUID.fromString(id);
        UUID itemId = UUID.fromString(items.get(0));
        UUID inspection = UUID.randomUUID();
        CloudEvent concluded = inspectionEvent(EventTypes.INSPECTION_CONCLUDED, inspection, planId, itemId);
        CloudEvent lateScheduled = inspectionEvent(EventTypes.INSPECTION_SCHEDULED, inspection, planId, itemId);
        List<CloudEvent> sent = List.of(inspectionEvent(EventTypes.INSPECTION_SCHEDULED, inspection, planId, itemId),
                inspectionEvent(EventTypes.INSPECTION_STARTED, inspection, planId, itemId), concluded, concluded, lateScheduled);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Devstack.shared().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (CloudEvent e : sent) {
                producer.send(new ProducerRecord<>(Topics.INSPECTION, inspection.toString(), EventJson.mapper().writeValueAsString(e))).get();
            }
        }
        String ids = sent.stream().map(e -> "'" + e.id() + "'").distinct().reduce((a, b) -> a + "," + b).orElseThrow();
        // every event, the late "scheduled" included, is processed; the duplicate only once
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Sql.count(db, "SELECT count(*) FROM kit_processed_event WHERE consumer = 'planning-service' AND event_id IN (" + ids + ")") == 4);
        given().header("Authorization", wardOfficer).get(PLANS + "/" + id + "/progress").then().statusCode(200)
                .body("items[0].status", equalTo("DONE")).body("items[0].inspectionId", equalTo(inspection.toString()))
                .body("items[0].overdue", equalTo(false))
                .body("items[1].status", equalTo("PLANNED")).body("items[1].overdue", equalTo(true))
                .body("overdue", equalTo(1))
                .body("byKind.find { it.kind == 'THEMATIC_INSPECTION' }.done", equalTo(1));
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM kit_processed_event WHERE event_id = '" + concluded.id() + "'"));
        given().header("Authorization", bearer(tree.province, "viewer")).queryParam("year", YEAR).get(PLANS + "/report")
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.find { it.kind == 'THEMATIC_INSPECTION' }.done", equalTo(1))
                .body("items.find { it.kind == 'REGULAR_SUPERVISION' }.overdue", equalTo(1));
        given().header("Authorization", bearer(tree.province, "viewer")).queryParam("year", YEAR).queryParam("quarter", 1)
                .get(PLANS + "/report").then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].kind", equalTo("REGULAR_SUPERVISION"));
    }

    @Test
    void anAmendmentIsANewRevisionWithItsReasonAndKeepsTheHistory() {
        String id = approvedPlan(tree.ward, List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3))));
        String itemId = given().header("Authorization", wardOfficer).get(PLANS + "/" + id).then().extract().path("items[0].id");
        Map<String, Object> kept = item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(4));
        kept.put("id", itemId);
        Map<String, Object> content = annual("Kế hoạch năm 2026 (điều chỉnh)", List.of(kept,
                item("FINANCE_INSPECTION", orgSubject(tree.ward), month(11))));
        action(id, "amend", wardOfficer, Map.of("reason", "Điều chỉnh theo chỉ đạo của Tỉnh ủy", "content", content))
                .statusCode(200).body("status", equalTo("DRAFT")).body("revision", equalTo(2)).body("approvedRevision", equalTo(1))
                .body("items[0].id", equalTo(itemId)).body("items[0].period.from", equalTo("2026-10-01"));
        // the approved revision stays in force, unchanged
        given().header("Authorization", wardOfficer).queryParam("revision", 1).get(PLANS + "/" + id).then().statusCode(200)
                .body("shownRevision", equalTo(1)).body("items.size()", equalTo(1)).body("items[0].period.from", equalTo("2026-07-01"));
        action(id, "submit", wardOfficer, null).statusCode(200);
        action(id, "approve", wardCommittee, null).statusCode(200).body("approvedRevision", equalTo(2)).body("status", equalTo("APPROVED"));

        List<JsonNode> events = TopicWatcher.eventsFor(Topics.PLANNING, id, l -> l.size() >= 2, Duration.ofSeconds(20));
        assertEquals(List.of(EventTypes.PLAN_APPROVED, EventTypes.PLAN_AMENDED), events.stream().map(e -> e.get("type").asText()).toList());
        assertEquals("Điều chỉnh theo chỉ đạo của Tỉnh ủy", events.get(1).at("/data/reason").asText());
        assertEquals(2, events.get(1).at("/data/revision").asInt());
        assertEquals(itemId, events.get(1).at("/data/items/0/id").asText());

        given().header("Authorization", wardOfficer).get(PLANS + "/" + id + "/history").then().statusCode(200)
                .body("revisions.revision", contains(1, 2))
                .body("revisions[1].reason", equalTo("Điều chỉnh theo chỉ đạo của Tỉnh ủy"))
                .body("revisions[1].approvedBy", notNullValue())
                .body("transitions.action", contains("CREATE", "SUBMIT", "APPROVE", "AMEND", "SUBMIT", "APPROVE"));
        // an amendment keeps the year; an item id must be the plan's own
        Map<String, Object> otherYear = annual("Năm khác", List.of());
        otherYear.put("year", 2027);
        action(id, "amend", wardOfficer, Map.of("reason", "x", "content", otherYear)).statusCode(422)
                .body("errors[0].rule", equalTo("span-fixed-after-approval"));
        Map<String, Object> foreign = item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(4));
        foreign.put("id", UUID.randomUUID().toString());
        action(id, "amend", wardOfficer, Map.of("reason", "x", "content", annual("x", List.of(foreign)))).statusCode(422)
                .body("errors[0].rule", equalTo("item-id-known"));
        assertEquals(2, Sql.count(db, "SELECT revision FROM plan WHERE id = '" + id + "'"));
    }

    @Test
    void anIdempotencyKeyMakesACreationRetrySafe() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = annual("Kế hoạch năm 2026", List.of(item("THEMATIC_INSPECTION", orgSubject(tree.wardCell), quarter(3))));
        String first = given().header("Authorization", wardOfficer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post(PLANS).then().statusCode(201).extract().path("id");
        given().header("Authorization", wardOfficer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post(PLANS).then().statusCode(201).body("id", equalTo(first)).header("Idempotent-Replayed", "true");
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM plan WHERE owner_unit_id = '" + tree.ward + "'"));
    }

    // --- helpers ---

    private String draft(UUID owner, String officer, List<Map<String, Object>> items) {
        return given().header("Authorization", officer).contentType(ContentType.JSON)
                .body(annual("Kế hoạch kiểm tra, giám sát năm 2026", items)).post(PLANS)
                .then().statusCode(201).body("ownerUnitId", equalTo(owner.toString())).extract().path("id");
    }

    private String approvedPlan(UUID owner, List<Map<String, Object>> items) {
        String id = draft(owner, bearer(owner, "officer"), items);
        action(id, "submit", bearer(owner, "officer"), null).statusCode(200);
        action(id, "approve", bearer(owner, "committee"), null).statusCode(200);
        return id;
    }

    /** Every transition sends the plan's current version, as a client that has just read it does. */
    private ValidatableResponse action(String id, String action, String auth, Map<String, Object> body) {
        var request = given().header("Authorization", auth).header("If-Match", etag(id));
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post(PLANS + "/" + id + "/" + action).then();
    }

    private String etag(String planId) {
        return "\"" + Sql.string(db, "SELECT coalesce((SELECT version::text FROM plan WHERE id::text = '" + planId + "'), '1')") + "\"";
    }

    private static void conflict(ValidatableResponse r, String rule) {
        r.statusCode(409).contentType("application/problem+json").body("errors[0].rule", equalTo(rule));
    }

    private void rejected(String auth, Map<String, Object> body, int status, List<String> fields, List<String> rules) {
        ValidatableResponse r = given().header("Authorization", auth).contentType(ContentType.JSON).body(body).post(PLANS)
                .then().statusCode(status).contentType("application/problem+json");
        for (int i = 0; i < fields.size(); i++) {
            r.body("errors.field", hasItem(fields.get(i))).body("errors.rule", hasItem(rules.get(i)));
        }
    }

    private static Map<String, Object> annual(String title, List<Map<String, Object>> items) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", "ANNUAL");
        m.put("year", YEAR);
        m.put("title", title);
        m.put("items", new ArrayList<>(items));
        return m;
    }

    private static Map<String, Object> withOwner(Map<String, Object> plan, UUID owner) {
        plan.put("ownerUnitId", owner.toString());
        return plan;
    }

    private static Map<String, Object> item(String kind, Map<String, Object> subject, Map<String, Object> period) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("subject", subject);
        m.put("content", "Việc lãnh đạo, chỉ đạo thực hiện Nghị quyết");
        m.put("focus", "Công tác cán bộ");
        m.put("period", period);
        m.put("lead", "Ủy ban Kiểm tra");
        return m;
    }

    private static Map<String, Object> withActivity(Map<String, Object> item, String activity) {
        item.put("activity", activity);
        return item;
    }

    private static Map<String, Object> orgSubject(UUID unit) {
        return Map.of("type", "ORG_UNIT", "orgUnitId", unit.toString());
    }

    private static Map<String, Object> memberSubject(UUID unit) {
        return Map.of("type", "MEMBER", "orgUnitId", unit.toString(), "memberId", "DV-001", "memberName", "Nguyễn Văn Hùng",
                "memberPosition", "Bí thư chi bộ");
    }

    private static Map<String, Object> month(int m) {
        return Map.of("type", "MONTH", "month", m);
    }

    private static Map<String, Object> quarter(int q) {
        return Map.of("type", "QUARTER", "quarter", q);
    }

    private static Map<String, Object> range(String from, String to) {
        return Map.of("type", "RANGE", "from", from, "to", to);
    }

    private static CloudEvent inspectionEvent(String type, UUID inspection, UUID plan, UUID item) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/inspection-service", type,
                inspection.toString(), Instant.now(), CloudEvent.JSON, null, null,
                EventJson.mapper().valueToTree(new InspectionProgress(inspection, plan, item, null, Instant.now(),
                        "THEMATIC_INSPECTION", null)));
    }
}
