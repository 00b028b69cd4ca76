package vn.ktgs.inspection.inspection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import vn.ktgs.events.PlanApproved;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.contract.TopicWatcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.ktgs.inspection.inspection.InspectionResourceTest.INSPECTIONS;
import static vn.ktgs.inspection.inspection.InspectionResourceTest.act;
import static vn.ktgs.inspection.inspection.InspectionResourceTest.conclusion;
import static vn.ktgs.inspection.inspection.InspectionResourceTest.create;
import static vn.ktgs.inspection.inspection.InspectionResourceTest.draft;
import static vn.ktgs.inspection.inspection.InspectionResourceTest.json;
import static vn.ktgs.inspection.inspection.InspectionResourceTest.member;
import static vn.ktgs.inspection.inspection.InspectionResourceTest.org;
import static vn.ktgs.inspection.inspection.InspectionResourceTest.step;
import static vn.ktgs.kit.contract.TestTokens.bearer;

/** The events inspection-service consumes and emits by itself, and the statistics counted from its records. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "inspection"))
class InspectionEventsAndReportsTest {
    private static InspectionTree tree;

    @Inject
    AgroalDataSource db;

    String officer;
    String commission;

    @BeforeEach
    void tree() throws Exception {
        if (tree == null) {
            tree = new InspectionTree(db);
        }
        officer = bearer(tree.ward, "officer");
        commission = bearer(tree.ward, "commission");
    }

    @Test
    void anApprovedPlansItemsAreKeptOnceAndAnInspectionCarriesOneOut() throws Exception {
        UUID plan = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        CloudEvent approved = planEvent(EventTypes.PLAN_APPROVED, plan, 1, List.of(planItem(item), planItem(dropped)));
        publish(approved);
        publish(approved); // redelivered
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM kit_processed_event WHERE event_id = '"
                + approved.id() + "'") == 1);
        assertEquals(2, count("SELECT count(*) FROM plan_item_copy WHERE plan_id = '" + plan + "' AND in_force"));
        // an amendment drops one item; an older revision arriving late changes nothing
        CloudEvent amended = planEvent(EventTypes.PLAN_AMENDED, plan, 2, List.of(planItem(item)));
        publish(amended);
        publish(approved);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM kit_processed_event WHERE event_id = '"
                + amended.id() + "'") == 1);
        Thread.sleep(1_000);
        assertEquals(1, count("SELECT count(*) FROM plan_item_copy WHERE plan_id = '" + plan + "' AND in_force"));
        assertEquals(2, count("SELECT max(plan_revision) FROM plan_item_copy WHERE plan_id = '" + plan + "'"));

        Map<String, Object> d = draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.cell)));
        d.put("planItemId", dropped.toString());
        create(officer, d).statusCode(422).body("errors[0].rule", equalTo("plan-item-known"));
        d.put("planItemId", item.toString());
        d.put("kind", "FINANCE_INSPECTION");
        create(officer, d).statusCode(422).body("errors[0].rule", equalTo("kind-matches-plan-item"));
        d.put("kind", "THEMATIC_INSPECTION");
        create(bearer(tree.province, "officer"), d).statusCode(422).body("errors[0].rule", equalTo("plan-item-of-deciding-unit"));
        String id = create(officer, d).statusCode(201).body("planItemId", equalTo(item.toString()))
                .body("planId", equalTo(plan.toString())).body("origin.type", equalTo("PLAN_ITEM"))
                .body("origin.id", equalTo(item.toString())).extract().path("id");
        act(commission, id, 1, "decide", Map.of("decisionNumber", "3-QĐ/UBKT", "decisionDate", "2026-11-02",
                "team", List.of(Map.of("fullName", "Phạm Thị Hoa", "role", "LEADER")))).statusCode(200);
        var scheduled = TopicWatcher.eventsFor(Topics.INSPECTION, id, e -> !e.isEmpty(), Duration.ofSeconds(30));
        assertEquals("vn.ktgs.inspection.scheduled.v1", scheduled.get(0).path("type").asText());
        assertEquals(item.toString(), scheduled.get(0).path("data").path("planItemId").asText());
        assertEquals(plan.toString(), scheduled.get(0).path("data").path("planId").asText());
        assertEquals("PLAN_ITEM", scheduled.get(0).path("data").path("origin").path("type").asText());
    }

    @Test
    void anInspectionCarriesOutOnlyAPlanItemAboutOneOfItsSubjects() throws Exception {
        UUID plan = UUID.randomUUID();
        UUID cellItem = UUID.randomUUID();
        UUID memberItem = UUID.randomUUID();
        CloudEvent approved = planEvent(EventTypes.PLAN_APPROVED, plan, 1, List.of(planItem(cellItem), planItem(memberItem,
                new PlanApproved.Subject("MEMBER", tree.cell, tree.cellMember.toString(), "Trần Thị Lụa", "Đảng viên"))));
        publish(approved);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM kit_processed_event WHERE event_id = '"
                + approved.id() + "'") == 1);

        // the ward, or one of the cell's members, is not the cell the item plans to inspect
        Map<String, Object> d = draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.ward)));
        d.put("planItemId", cellItem.toString());
        create(officer, d).statusCode(422).body("errors", hasSize(1)).body("errors[0].field", equalTo("planItemId"))
                .body("errors[0].rule", equalTo("plan-item-subject")).body("errors[0].message", startsWith("the plan item is about org unit " + tree.cell));
        d.put("subjects", List.of(member(tree.cellMember)));
        create(officer, d).statusCode(422).body("errors[0].rule", equalTo("plan-item-subject"));
        d.put("planItemId", memberItem.toString());
        d.put("subjects", List.of(member(tree.cellSecretary)));
        create(officer, d).statusCode(422).body("errors[0].field", equalTo("planItemId")).body("errors[0].rule", equalTo("plan-item-subject"));
        assertEquals(0, count("SELECT count(*) FROM inspection WHERE plan_item_id IN ('" + cellItem + "','" + memberItem + "')"));

        d.put("subjects", List.of(member(tree.cellSecretary), member(tree.cellMember)));
        create(officer, d).statusCode(201).body("planItemId", equalTo(memberItem.toString()));
        d.put("planItemId", cellItem.toString());
        d.put("subjects", List.of(org(tree.ward), org(tree.cell)));
        create(officer, d).statusCode(201).body("planItemId", equalTo(cellItem.toString())).body("origin.id", equalTo(cellItem.toString()));
        assertEquals(1, count("SELECT count(*) FROM inspection WHERE plan_item_id = '" + cellItem + "'"));
    }

    @Test
    void aRemediationItemPastItsDeadlineIsListedAsOverdueAndAnnouncedOnce() {
        String id = create(officer, draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.cell)))).statusCode(201)
                .extract().path("id");
        runToHeard(id);
        // concluded on 2 November with a deadline of 10 November: overdue since the 11th
        act(commission, id, 7, "conclude", conclusion("2026-11-02", List.of(), List.of(
                Map.of("ownerOrgUnitId", tree.cell.toString(), "action", "Bổ sung sổ ghi biên bản sinh hoạt chi bộ", "deadline", "2026-11-10"),
                Map.of("ownerOrgUnitId", tree.cell.toString(), "action", "Kiện toàn chi ủy", "deadline", "2099-12-31"))))
                .statusCode(200).body("remediation.overdue", equalTo(List.of(true, false)));
        String late = given().header("Authorization", officer).get(INSPECTIONS + "/" + id).then().extract().path("remediation[0].id");
        String onTime = given().header("Authorization", officer).get(INSPECTIONS + "/" + id).then().extract().path("remediation[1].id");
        given().header("Authorization", bearer(tree.ward, "viewer")).queryParam("overdue", "true").queryParam("org", tree.cell.toString())
                .queryParam("size", 200).get(INSPECTIONS + "/remediation")
                .then().statusCode(200).body("items.id", hasItem(late)).body("items.id", not(hasItem(onTime)));
        // the cell sees what it must remedy; a sibling ward does not
        given().header("Authorization", bearer(tree.cell, "viewer")).get(INSPECTIONS + "/remediation/" + late).then().statusCode(200);
        given().header("Authorization", bearer(tree.otherWard, "viewer")).get(INSPECTIONS + "/remediation/" + late).then().statusCode(404);
        given().header("Authorization", bearer(tree.otherWard, "viewer")).queryParam("org", tree.cell.toString())
                .get(INSPECTIONS + "/remediation").then().statusCode(404);

        List<ConsumerRecord<String, String>> overdue = TopicWatcher.recordsFor(Topics.INSPECTION, id,
                r -> r.stream().anyMatch(x -> x.value().contains(EventTypes.INSPECTION_REMEDIATION_OVERDUE)), Duration.ofSeconds(30));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true); // a few more checks run
        List<String> noticed = TopicWatcher.recordsFor(Topics.INSPECTION, id, r -> false, Duration.ofSeconds(3)).stream()
                .filter(r -> r.value().contains(EventTypes.INSPECTION_REMEDIATION_OVERDUE))
                .map(r -> json(r).path("data").path("itemId").asText()).toList();
        assertEquals(List.of(late), noticed, "one event, for the late item only, however often the check runs");
        assertEquals("2026-11-10", json(overdue.get(overdue.size() - 1)).path("data").path("deadline").asText());
        assertEquals(1, count("SELECT count(*) FROM remediation_item WHERE id = '" + late + "' AND overdue_noticed_at IS NOT NULL"));
    }

    @Test
    void statisticsAreCountedFromTheRecordsForEachPeriod() {
        // the cell decides for itself: a subtree with nothing but what this test records
        String cellOfficer = bearer(tree.cell, "officer");
        String cellCommittee = bearer(tree.cell, "committee");
        String withViolation = create(cellOfficer, draft("THEMATIC_INSPECTION", "CELL", List.of(member(tree.cellMember)))).statusCode(201)
                .extract().path("id");
        act(cellCommittee, withViolation, 1, "decide", Map.of("decisionNumber", "1-QĐ/CB", "decisionDate", "2026-03-02",
                "team", List.of(Map.of("fullName", "Phạm Thị Hoa", "role", "LEADER")))).statusCode(200);
        act(cellOfficer, withViolation, 2, "notify", Map.of("on", "2026-03-03")).statusCode(200);
        act(cellOfficer, withViolation, 3, "self-report", step("2026-03-05", "Báo cáo")).statusCode(200);
        act(cellOfficer, withViolation, 4, "verification", Map.of("kind", "DOCUMENT", "on", "2026-03-09", "summary", "Hồ sơ")).statusCode(200);
        act(cellOfficer, withViolation, 5, "draft-report", step("2026-03-12", "Dự thảo")).statusCode(200);
        act(cellOfficer, withViolation, 6, "hearing", step("2026-03-16", "Giải trình")).statusCode(200);
        act(cellCommittee, withViolation, 7, "conclude", conclusion("2026-03-18", List.of(Map.of("subjectMemberId", tree.cellMember.toString(),
                "act", "Vi phạm quy định về sinh hoạt đảng", "actFrom", "2025-05-01", "actTo", "2025-12-01", "warrantsDiscipline", true)),
                List.of())).statusCode(200);
        create(cellOfficer, draft("THEMATIC_INSPECTION", "CELL", List.of(member(tree.cellSecretary)))).statusCode(201); // never decided
        String supervision = create(cellOfficer, draft("REGULAR_SUPERVISION", "CELL", List.of(member(tree.cellSecretary)))).statusCode(201)
                .extract().path("id");
        act(cellCommittee, supervision, 1, "notify", Map.of("on", "2026-08-03")).statusCode(200);

        String viewer = bearer(tree.cell, "viewer");
        given().header("Authorization", viewer).queryParam("period", "YEAR").queryParam("year", 2026).get(INSPECTIONS + "/statistics")
                .then().statusCode(200).body("from", equalTo("2026-01-01")).body("to", equalTo("2026-12-31"))
                .body("byKind", hasSize(6))
                .body("byKind.find { it.kind == 'THEMATIC_INSPECTION' }.count", equalTo(1))
                .body("byKind.find { it.kind == 'THEMATIC_INSPECTION' }.subjectMembers", equalTo(1))
                .body("byKind.find { it.kind == 'THEMATIC_INSPECTION' }.subjectCommitteeMembers", equalTo(0))
                .body("byKind.find { it.kind == 'THEMATIC_INSPECTION' }.concluded", equalTo(1))
                .body("byKind.find { it.kind == 'THEMATIC_INSPECTION' }.withViolations", equalTo(1))
                .body("byKind.find { it.kind == 'THEMATIC_INSPECTION' }.needingDiscipline", equalTo(1))
                .body("byKind.find { it.kind == 'REGULAR_SUPERVISION' }.count", equalTo(1))
                .body("byKind.find { it.kind == 'REGULAR_SUPERVISION' }.subjectCommitteeMembers", equalTo(1))
                .body("byKind.find { it.kind == 'FINANCE_INSPECTION' }.count", equalTo(0))
                .body("total.count", equalTo(2));
        given().header("Authorization", viewer).queryParam("period", "QUARTER").queryParam("year", 2026).queryParam("quarter", 1)
                .get(INSPECTIONS + "/statistics").then().statusCode(200).body("total.count", equalTo(1))
                .body("byKind.find { it.kind == 'REGULAR_SUPERVISION' }.count", equalTo(0));
        given().header("Authorization", viewer).queryParam("period", "SIX_MONTHS").queryParam("year", 2026)
                .get(INSPECTIONS + "/statistics").then().statusCode(200).body("to", equalTo("2026-06-30")).body("total.count", equalTo(1));
        given().header("Authorization", viewer).queryParam("period", "NINE_MONTHS").queryParam("year", 2026)
                .get(INSPECTIONS + "/statistics").then().statusCode(200).body("total.count", equalTo(2));
        given().header("Authorization", viewer).queryParam("period", "TERM").queryParam("term", "2025-2030")
                .get(INSPECTIONS + "/statistics").then().statusCode(200).body("total.count", equalTo(2));
        given().header("Authorization", viewer).queryParam("period", "YEAR").queryParam("year", 2025)
                .get(INSPECTIONS + "/statistics").then().statusCode(200).body("total.count", equalTo(0));
        String csv = given().header("Authorization", viewer).queryParam("year", 2026).queryParam("format", "csv")
                .get(INSPECTIONS + "/statistics").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(8, lines.size());
        assertEquals("THEMATIC_INSPECTION,\"Kiểm tra chuyên đề\",1,0,1,0,1,1,1,1,1,0,0,0,0", lines.get(3));
        // a unit above counts the cell's records too; the sibling ward's scope does not reach them
        given().header("Authorization", bearer(tree.otherWard, "viewer")).queryParam("org", tree.cell.toString())
                .queryParam("year", 2026).get(INSPECTIONS + "/statistics").then().statusCode(404);
        given().header("Authorization", viewer).queryParam("period", "MONTH").queryParam("year", 2026)
                .get(INSPECTIONS + "/statistics").then().statusCode(400).body("errors[0].field", equalTo("month"));
        given().header("Authorization", viewer).queryParam("period", "TERM").queryParam("term", "2030-2025")
                .get(INSPECTIONS + "/statistics").then().statusCode(400).body("errors[0].rule", equalTo("term-order"));
        given().header("Authorization", viewer).queryParam("period", "DECADE").queryParam("year", 2026)
                .get(INSPECTIONS + "/statistics").then().statusCode(400).body("errors[0].field", equalTo("period"));
    }

    private void runToHeard(String id) {
        act(commission, id, 1, "decide", Map.of("decisionNumber", "9-QĐ/UBKT", "decisionDate", "2026-10-02",
                "team", List.of(Map.of("fullName", "Phạm Thị Hoa", "role", "LEADER")))).statusCode(200);
        act(officer, id, 2, "notify", Map.of("on", "2026-10-03")).statusCode(200);
        act(officer, id, 3, "self-report", step("2026-10-05", "Báo cáo tự kiểm tra")).statusCode(200);
        act(officer, id, 4, "verification", Map.of("kind", "DOCUMENT", "on", "2026-10-09", "summary", "Nghiên cứu hồ sơ")).statusCode(200);
        act(officer, id, 5, "draft-report", step("2026-10-12", "Dự thảo")).statusCode(200);
        act(officer, id, 6, "hearing", step("2026-10-16", "Giải trình")).statusCode(200);
    }

    private PlanApproved.Item planItem(UUID id) {
        return planItem(id, new PlanApproved.Subject("ORG_UNIT", tree.cell, null, null, null));
    }

    private PlanApproved.Item planItem(UUID id, PlanApproved.Subject subject) {
        return new PlanApproved.Item(id, "INSPECTION", "THEMATIC_INSPECTION", subject,
                "Kiểm tra việc chấp hành Điều lệ", null, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), "UBKT", null);
    }

    private CloudEvent planEvent(String type, UUID plan, int revision, List<PlanApproved.Item> items) {
        PlanApproved data = new PlanApproved(plan, revision, tree.ward, "ANNUAL", 2026, null, null, "Kế hoạch kiểm tra năm 2026",
                "PLANNING-QD296-2025", revision > 1 ? "Điều chỉnh" : null, Instant.now(), items);
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ktgs/planning-service", type, plan.toString(),
                Instant.now(), CloudEvent.JSON, null, null, EventJson.mapper().valueToTree(data));
    }

    private static void publish(CloudEvent e) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Devstack.shared().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> r = new ProducerRecord<>(Topics.PLANNING, e.subject(), EventJson.mapper().writeValueAsString(e));
            r.headers().add(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(r).get();
        }
    }

    private long count(String sql) {
        return InspectionTree.countUnchecked(db, sql);
    }
}
