package vn.ktgs.inspection.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.events.RecordContract;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.contract.TopicWatcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ktgs.kit.contract.TestTokens.bearer;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "inspection"))
class InspectionResourceTest {
    static final String INSPECTIONS = "/api/v1/inspections";
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
    void anInspectionRunsItsWholeCourseAndItsViolationGoesToDiscipline() {
        String id = create(officer, draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.cell), member(tree.cellSecretary))))
                .statusCode(201).header("Location", containsString(INSPECTIONS + "/")).header("ETag", "\"1\"")
                .body("status", equalTo("PLANNED")).body("activity", equalTo("INSPECTION"))
                .body("decidingUnitId", equalTo(tree.ward.toString())).body("ruleSetId", equalTo("INSPECTION-QD296-2025"))
                .body("origin.type", equalTo("OWN_INITIATIVE"))
                .body("subjects.name", contains("Chi bộ Tổ dân phố 5", "Nguyễn Văn Hùng"))
                .body("subjects.committeeMember", contains(false, true))
                .extract().path("id");

        // the team drafts, only the deciding body (the ward's UBKT) decides
        act(officer, id, 1, "decide", decision()).statusCode(403);
        act(commission, id, 1, "decide", decision()).statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("DECIDED")).body("decisionNumber", equalTo("15-QĐ/UBKT"))
                .body("team.role", contains("LEADER", "MEMBER")).body("team[0].fullName", equalTo("Lê Văn Tám"));
        act(officer, id, 2, "notify", Map.of("on", "2026-11-03", "summary", "Công bố quyết định kiểm tra")).statusCode(200)
                .body("status", equalTo("NOTIFIED")).body("notifiedOn", equalTo("2026-11-03"));
        act(officer, id, 3, "self-report", step("2026-11-05", "Chi bộ nộp báo cáo tự kiểm tra")).body("status", equalTo("SELF_REPORT"));
        act(officer, id, 4, "verification", Map.of("kind", "DOCUMENT", "on", "2026-11-09", "summary", "Nghiên cứu sổ sách thu chi"))
                .statusCode(200).body("status", equalTo("VERIFYING"));
        act(officer, id, 5, "verification", Map.of("kind", "INTERVIEW", "on", "2026-11-10", "summary", "Làm việc với bí thư chi bộ"))
                .statusCode(200).body("status", equalTo("VERIFYING"));
        act(officer, id, 6, "draft-report", step("2026-11-12", "Dự thảo báo cáo kết quả kiểm tra")).body("status", equalTo("DRAFT_REPORT"));
        act(officer, id, 7, "hearing", step("2026-11-16", "Chi bộ và đồng chí Hùng giải trình")).body("status", equalTo("HEARD"));

        Map<String, Object> conclusion = conclusion("2026-11-18", List.of(
                Map.of("subjectMemberId", tree.cellMember.toString(), "act", "Không kê khai trung thực tài sản",
                        "article", "Điều 36 QĐ 69-QĐ/TW", "actFrom", "2023-01-05", "actTo", "2024-06-30", "continuing", false,
                        "warrantsDiscipline", true),
                Map.of("subjectOrgUnitId", tree.cell.toString(), "act", "Sinh hoạt chi bộ không đúng định kỳ",
                        "actFrom", "2025-01-01", "continuing", true, "warrantsDiscipline", false)),
                List.of(Map.of("ownerOrgUnitId", tree.cell.toString(), "action", "Sinh hoạt chi bộ đúng định kỳ hằng tháng",
                        "deadline", "2027-03-31")));
        act(officer, id, 8, "conclude", conclusion).statusCode(403);
        act(commission, id, 8, "conclude", conclusion).statusCode(200).body("status", equalTo("CONCLUDED"))
                .body("conclusion.concludedOn", equalTo("2026-11-18"))
                .body("violations", hasSize(2)).body("violations[0].subjectName", equalTo("Trần Thị Lụa"))
                .body("violations[0].subjectType", equalTo("MEMBER")).body("violations[1].continuing", equalTo(true))
                .body("remediation[0].status", equalTo("OPEN")).body("remediation[0].overdue", equalTo(false));

        List<ConsumerRecord<String, String>> records = TopicWatcher.recordsFor(Topics.INSPECTION, id,
                r -> r.size() >= 4, Duration.ofSeconds(30));
        List<String> types = records.stream().map(r -> json(r).path("type").asText()).toList();
        assertEquals(List.of("vn.ktgs.inspection.scheduled.v1", "vn.ktgs.inspection.started.v1",
                "vn.ktgs.inspection.concluded.v1", "vn.ktgs.inspection.violation-found.v1"), types);
        JsonNode violation = json(records.get(3)).path("data");
        assertEquals(tree.cellMember.toString(), violation.path("subjectMemberId").asText());
        assertEquals(tree.cell.toString(), violation.path("subjectOrgUnitId").asText());
        assertEquals("2023-01-05", violation.path("actFrom").asText());
        assertEquals("2026-11-02", violation.path("decidedOn").asText());
        assertEquals("2026-11-18", violation.path("concludedOn").asText());
        assertEquals("INSPECTION", violation.path("origin").path("type").asText());
        assertEquals("INSPECTION_COMMISSION", violation.path("decidingBody").asText());
        for (ConsumerRecord<String, String> r : records) {
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            assertEquals(List.of(), RecordContract.violations(r.topic(), headers, r.key(), r.value()));
        }

        act(commission, id, 9, "issue-notice", notice("2026-11-19")).statusCode(200).body("status", equalTo("NOTICE_ISSUED"))
                .body("notice.noticeNumber", equalTo("20-TB/UBKT")).body("notice.publicationScope", equalTo("PARTY_ORGANISATION"));
        act(officer, id, 10, "follow-up", step("2026-11-20", "Theo dõi việc khắc phục")).body("status", equalTo("FOLLOW_UP"));
        act(officer, id, 11, "archive", step("2026-11-20", "Lưu hồ sơ")).statusCode(409)
                .body("errors[0].rule", equalTo("remediation-done"));

        String item = given().header("Authorization", officer).get(INSPECTIONS + "/" + id).then().extract().path("remediation[0].id");
        // the cell that must remedy reports on it
        given().header("Authorization", bearer(tree.cell, "officer")).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("on", "2026-11-21", "status", "DONE", "summary", "Đã sinh hoạt định kỳ tháng 11"))
                .post(INSPECTIONS + "/remediation/" + item + "/reports")
                .then().statusCode(200).header("ETag", "\"2\"").body("item.status", equalTo("DONE"))
                .body("item.doneOn", equalTo("2026-11-21")).body("reports[0].summary", equalTo("Đã sinh hoạt định kỳ tháng 11"));
        act(officer, id, 11, "archive", step("2026-11-21", "Lưu hồ sơ")).statusCode(200).body("status", equalTo("ARCHIVED"));

        given().header("Authorization", bearer(tree.province, "viewer")).get(INSPECTIONS + "/" + id + "/history")
                .then().statusCode(200)
                .body("steps.action", contains("CREATE", "DECIDE", "NOTIFY", "SELF_REPORT_RECEIVED", "VERIFY", "VERIFY",
                        "DRAFT_REPORT_WRITTEN", "HEAR", "CONCLUDE", "ISSUE_NOTICE", "FOLLOW_UP_STARTED", "ARCHIVE"))
                .body("verification.kind", contains("DOCUMENT", "INTERVIEW"));
        assertEquals(12, InspectionTree.countUnchecked(db, "SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "'"));
    }

    @Test
    void stepsOutOfOrderAreRefusedWithTheRuleAndChangeNothing() {
        String id = create(officer, draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.cell)))).statusCode(201)
                .extract().path("id");
        // no field work before the decision and the notice (DOMAIN §7.10)
        act(officer, id, 1, "verification", Map.of("kind", "DOCUMENT", "on", "2026-11-09", "summary", "Xem sổ sách")).statusCode(409)
                .contentType("application/problem+json").body("errors[0].rule", equalTo("field-work-after-notice"));
        act(officer, id, 1, "self-report", step("2026-11-05", "Báo cáo")).statusCode(409)
                .body("errors[0].rule", equalTo("field-work-after-notice"));
        act(commission, id, 1, "conclude", conclusion("2026-11-18", List.of(), List.of())).statusCode(409)
                .body("errors[0].rule", equalTo("transition-allowed"));
        act(commission, id, 1, "issue-result", conclusion("2026-11-18", List.of(), List.of())).statusCode(409);
        // the If-Match rules
        given().header("Authorization", commission).contentType(ContentType.JSON).body(decision())
                .post(INSPECTIONS + "/" + id + "/decide").then().statusCode(428);
        act(commission, id, 7, "decide", decision()).statusCode(412);
        // a team without a leader, a subject on the team
        Map<String, Object> noLeader = new HashMap<>(decision());
        noLeader.put("team", List.of(Map.of("fullName", "Phạm Văn Đồng", "role", "MEMBER")));
        act(commission, id, 1, "decide", noLeader).statusCode(422).body("errors.rule", hasItem("team-has-leader"));
        // a decision dated in the future
        Map<String, Object> future = new HashMap<>(decision());
        future.put("decisionDate", "2099-01-01");
        act(commission, id, 1, "decide", future).statusCode(422).body("errors.rule", hasItem("date-not-future"));
        given().header("Authorization", officer).get(INSPECTIONS + "/" + id).then().statusCode(200)
                .body("status", equalTo("PLANNED")).body("version", equalTo(1)).body("team", hasSize(0));
    }

    @Test
    void scopeAndRolesAreChecked() {
        String id = create(officer, draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.cell)))).statusCode(201)
                .extract().path("id");
        given().get(INSPECTIONS + "/" + id).then().statusCode(401);
        given().header("Authorization", bearer(tree.otherWard, "officer")).get(INSPECTIONS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", bearer(tree.cell, "officer")).get(INSPECTIONS + "/" + id).then().statusCode(404);
        given().header("Authorization", bearer(tree.province, "viewer")).get(INSPECTIONS + "/" + id).then().statusCode(200);
        create(bearer(tree.ward, "viewer"), draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.cell)))).statusCode(403);
        // a unit above may not act for the deciding unit, a sibling does not see it at all
        act(bearer(tree.province, "commission"), id, 1, "decide", decision()).statusCode(403);
        act(bearer(tree.otherWard, "commission"), id, 1, "decide", decision()).statusCode(404);
        // a subject outside the deciding unit's subtree
        create(officer, draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.otherWard)))).statusCode(422)
                .body("errors[0].field", equalTo("subjects[0].orgUnitId")).body("errors[0].rule", equalTo("subject-in-scope"));
        given().header("Authorization", bearer(tree.otherWard, "viewer")).queryParam("org", tree.ward.toString())
                .get(INSPECTIONS).then().statusCode(404);
        given().header("Authorization", bearer(tree.province, "viewer")).queryParam("org", tree.ward.toString())
                .queryParam("subjectOrgUnitId", tree.cell.toString()).queryParam("size", 200)
                .get(INSPECTIONS).then().statusCode(200).body("items.id", hasItem(id));
        given().header("Authorization", bearer(tree.province, "viewer")).queryParam("kind", "NO_SUCH_KIND")
                .get(INSPECTIONS).then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void aStaffAgencyMayNotRunAnInspectionOnSignsAndABodyMustExistAtItsUnit() {
        create(bearer(tree.staffAgency, "officer"), draft("INSPECTION_ON_SIGNS", "STAFF_AGENCY", List.of(org(tree.staffAgency))))
                .statusCode(422).body("errors.rule", hasItem("kind-allowed-for-body"))
                .body("errors.field", hasItem("kind"));
        create(bearer(tree.staffAgency, "officer"), draft("THEMATIC_SUPERVISION", "STAFF_AGENCY", List.of(org(tree.staffAgency))))
                .statusCode(201);
        create(officer, draft("THEMATIC_INSPECTION", "CELL", List.of(org(tree.cell)))).statusCode(422)
                .body("errors[0].field", equalTo("decidingBody")).body("errors[0].rule", equalTo("body-of-unit"));
        assertEquals(0, InspectionTree.countUnchecked(db, "SELECT count(*) FROM inspection WHERE deciding_unit_id = '"
                + tree.staffAgency + "' AND kind = 'INSPECTION_ON_SIGNS'"));
    }

    @Test
    void aSupervisionIssuesAResultAndProposesAnInspectionButCannotConcludeDiscipline() {
        String committee = bearer(tree.ward, "committee");
        String id = create(officer, draft("THEMATIC_SUPERVISION", "COMMITTEE", List.of(org(tree.cell), member(tree.cellMember))))
                .statusCode(201).body("activity", equalTo("SUPERVISION")).extract().path("id");
        act(committee, id, 1, "decide", decision()).statusCode(409).body("errors[0].rule", equalTo("transition-allowed"));
        act(committee, id, 1, "notify", Map.of("on", "2026-11-03", "decisionNumber", "07-KH/ĐU", "decisionDate", "2026-11-02",
                "team", List.of(Map.of("memberId", tree.wardOfficer.toString(), "role", "LEADER")))).statusCode(200)
                .body("status", equalTo("NOTIFIED")).body("decisionNumber", equalTo("07-KH/ĐU"));
        act(officer, id, 2, "self-report", step("2026-11-05", "Chi bộ báo cáo")).body("status", equalTo("REPORT"));
        act(officer, id, 3, "verification", Map.of("kind", "DOCUMENT", "on", "2026-11-09", "summary", "x")).statusCode(422)
                .body("errors[0].rule", equalTo("verification-kind"));
        act(officer, id, 3, "verification", Map.of("kind", "WORKING_SESSION", "on", "2026-11-09", "summary", "Làm việc với chi bộ"))
                .statusCode(200).body("status", equalTo("WORKING"));
        act(committee, id, 4, "conclude", conclusion("2026-11-18", List.of(), List.of())).statusCode(409)
                .body("errors[0].rule", equalTo("supervision-no-conclusion"));
        Map<String, Object> withViolation = conclusion("2026-11-18", List.of(Map.of("subjectMemberId", tree.cellMember.toString(),
                "act", "Vi phạm", "actFrom", "2025-01-01", "actTo", "2025-02-01", "warrantsDiscipline", true)), List.of());
        withViolation.put("notice", notice("2026-11-19"));
        act(committee, id, 4, "issue-result", withViolation).statusCode(422).body("errors.rule", hasItem("supervision-no-discipline"));
        Map<String, Object> result = conclusion("2026-11-18", List.of(), List.of());
        result.put("signsOfViolation", "Có dấu hiệu vi phạm trong quản lý đảng phí");
        result.put("notice", notice("2026-11-19"));
        act(committee, id, 4, "issue-result", result).statusCode(200).body("status", equalTo("RESULT_NOTICE"))
                .body("conclusion.signsOfViolation", equalTo("Có dấu hiệu vi phạm trong quản lý đảng phí"))
                .body("violations", hasSize(0));
        String proposal = act(committee, id, 5, "propose-inspection", Map.of("decidingBody", "INSPECTION_COMMISSION",
                "content", "Đề nghị kiểm tra khi có dấu hiệu vi phạm")).statusCode(200)
                .body("status", equalTo("PROPOSED_INSPECTION")).body("proposedInspectionId", notNullValue())
                .extract().path("proposedInspectionId");
        given().header("Authorization", officer).get(INSPECTIONS + "/" + proposal).then().statusCode(200)
                .body("kind", equalTo("INSPECTION_ON_SIGNS")).body("status", equalTo("PLANNED"))
                .body("origin.type", equalTo("SUPERVISION")).body("origin.id", equalTo(id))
                .body("subjects.name", contains("Chi bộ Tổ dân phố 5", "Trần Thị Lụa"));
        List<ConsumerRecord<String, String>> records = TopicWatcher.recordsFor(Topics.INSPECTION, id, r -> r.size() >= 3, Duration.ofSeconds(30));
        assertEquals(List.of("vn.ktgs.inspection.scheduled.v1", "vn.ktgs.inspection.started.v1", "vn.ktgs.inspection.concluded.v1"),
                records.stream().map(r -> json(r).path("type").asText()).toList());
    }

    @Test
    void aProposalNamesSubjectsOnlyWithinTheSupervisingUnitWhicheverBodyIsCompetent() {
        String committee = bearer(tree.ward, "committee");
        String id = supervisionWithResult();
        // in the province's name the ward still reaches no further than its own unit, and a sibling is refused as an unknown id is
        UUID nowhere = UUID.randomUUID();
        JsonPath sibling = act(committee, id, 5, "propose-inspection", proposal(tree.province, org(tree.otherWard))).statusCode(422)
                .contentType("application/problem+json").extract().jsonPath();
        JsonPath unknown = act(committee, id, 5, "propose-inspection", proposal(tree.province, org(nowhere))).statusCode(422)
                .extract().jsonPath();
        assertEquals("subjects[0].orgUnitId", sibling.getString("errors[0].field"));
        assertEquals("subject-in-scope", sibling.getString("errors[0].rule"));
        assertEquals(unknown.getString("type"), sibling.getString("type"));
        assertEquals(unknown.getList("errors.field"), sibling.getList("errors.field"));
        assertEquals(unknown.getList("errors.rule"), sibling.getList("errors.rule"));
        assertEquals(unknown.getString("errors[0].message").replace(nowhere.toString(), "?"),
                sibling.getString("errors[0].message").replace(tree.otherWard.toString(), "?"));
        assertEquals(0, InspectionTree.countUnchecked(db, "SELECT count(*) FROM inspection WHERE origin_id = '" + id + "'"));
        // the supervision is unchanged (still version 5); its own cell goes to the province's commission
        act(committee, id, 5, "propose-inspection", proposal(tree.province, org(tree.cell))).statusCode(200)
                .body("status", equalTo("PROPOSED_INSPECTION"));
        assertEquals(1, InspectionTree.countUnchecked(db, "SELECT count(*) FROM inspection WHERE origin_id = '" + id
                + "' AND deciding_unit_id = '" + tree.province + "'"));
    }

    @Test
    void aResultWithoutSignsOfViolationProposesNoInspection() {
        String committee = bearer(tree.ward, "committee");
        String id = supervisionWithResult(null);
        act(committee, id, 5, "propose-inspection", proposal(null, org(tree.cell))).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("signsOfViolation"))
                .body("errors[0].rule", equalTo("signs-of-violation-found"));
        assertEquals(0, InspectionTree.countUnchecked(db, "SELECT count(*) FROM inspection WHERE origin_id = '" + id + "'"));
        given().header("Authorization", officer).get(INSPECTIONS + "/" + id).then().statusCode(200)
                .body("status", equalTo("RESULT_NOTICE")).body("version", equalTo(5)).body("proposedInspectionId", nullValue());
        // the same proposal from a result notice that recorded signs of violation goes through
        String withSigns = supervisionWithResult();
        act(committee, withSigns, 5, "propose-inspection", proposal(null, org(tree.cell))).statusCode(200)
                .body("status", equalTo("PROPOSED_INSPECTION")).body("proposedInspectionId", notNullValue());
    }

    @Test
    void anEditedProposalKeepsTheSupervisionAsItsOrigin() {
        String id = supervisionWithResult();
        String proposal = act(bearer(tree.ward, "committee"), id, 5, "propose-inspection", proposal(null, org(tree.cell)))
                .statusCode(200).extract().path("proposedInspectionId");
        Map<String, Object> d = draft("INSPECTION_ON_SIGNS", "INSPECTION_COMMISSION", List.of(org(tree.cell), member(tree.cellMember)));
        edit(officer, proposal, 1, d).statusCode(200).body("origin.type", equalTo("SUPERVISION")).body("origin.id", equalTo(id))
                .body("subjects.name", contains("Chi bộ Tổ dân phố 5", "Trần Thị Lụa"));
        // the body cannot replace the origin the service set
        d.put("origin", Map.of("type", "OWN_INITIATIVE"));
        edit(officer, proposal, 2, d).statusCode(422).body("errors[0].field", equalTo("origin"))
                .body("errors[0].rule", equalTo("origin-set-by-service"));
        given().header("Authorization", officer).get(INSPECTIONS + "/" + proposal).then().statusCode(200)
                .body("version", equalTo(2)).body("origin.type", equalTo("SUPERVISION")).body("origin.id", equalTo(id));
        act(commission, proposal, 2, "decide", decision()).statusCode(200);
        var scheduled = TopicWatcher.eventsFor(Topics.INSPECTION, proposal, e -> !e.isEmpty(), Duration.ofSeconds(30));
        assertEquals("SUPERVISION", scheduled.get(0).path("data").path("origin").path("type").asText());
        assertEquals(id, scheduled.get(0).path("data").path("origin").path("id").asText());
    }

    @Test
    void aFinanceInspectionConcludesItsAmountsAndRecordsWhatIsRecovered() {
        String id = create(officer, draft("FINANCE_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.cell)))).statusCode(201)
                .extract().path("id");
        runToHeard(id);
        act(commission, id, 7, "conclude", conclusion("2026-11-18", List.of(), List.of())).statusCode(422)
                .body("errors[0].field", equalTo("finance")).body("errors[0].rule", equalTo("finance-amounts"));
        Map<String, Object> c = conclusion("2026-11-18", List.of(), List.of());
        c.put("finance", Map.of("amountFound", 12_500_000, "amountToRecover", 20_000_000));
        act(commission, id, 7, "conclude", c).statusCode(422).body("errors[0].rule", equalTo("recover-within-found"));
        c.put("finance", Map.of("amountFound", 12_500_000, "amountToRecover", 8_000_000));
        act(commission, id, 7, "conclude", c).statusCode(200).body("finance.amountFound", equalTo(12_500_000))
                .body("finance.amountToRecover", equalTo(8_000_000)).body("finance.amountRecovered", equalTo(0));
        act(officer, id, 8, "recoveries", Map.of("on", "2026-11-20", "amount", 9_000_000)).statusCode(422)
                .body("errors[0].rule", equalTo("recovered-within-amount"));
        act(officer, id, 8, "recoveries", Map.of("on", "2026-11-20", "amount", 5_000_000, "note", "Nộp lại đảng phí")).statusCode(200)
                .body("finance.amountRecovered", equalTo(5_000_000)).body("status", equalTo("CONCLUDED"));
        given().header("Authorization", officer).get(INSPECTIONS + "/" + id + "/history").then()
                .body("recoveries[0].amount", equalTo(5_000_000));
    }

    @Test
    void anotherBodysOpenInspectionOfTheSameSubjectIsAWarningNamedOnlyToThoseWhoMaySeeIt() {
        String provinceOfficer = bearer(tree.province, "officer");
        UUID subject = tree.cellTreasurer;
        Map<String, Object> d = draft("INSPECTION_ON_SIGNS", "INSPECTION_COMMISSION", List.of(member(subject)));
        d.put("periodFrom", "2025-01-01");
        d.put("periodTo", "2025-12-31");
        String upper = create(provinceOfficer, d).statusCode(201).body("warnings", hasSize(0)).extract().path("id");
        // the ward cannot see the province's inspection: warned, without its id
        create(officer, d).statusCode(201).body("warnings", hasSize(1))
                .body("warnings[0].rule", equalTo("overlapping-inspection")).body("warnings[0].inspectionId", nullValue());
        // the province sees the ward's
        create(provinceOfficer, d).statusCode(201).body("warnings.inspectionId", hasItem(notNullValue()))
                .body("warnings.inspectionId", org.hamcrest.Matchers.not(hasItem(upper)));
        // another period is no overlap
        d.put("periodFrom", "2020-01-01");
        d.put("periodTo", "2020-12-31");
        create(officer, d).statusCode(201).body("warnings", hasSize(0));
    }

    @Test
    void aRetriedCreationCreatesOnceAndBadTextIsRefusedWithItsField() {
        Map<String, Object> d = draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.cell)));
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", officer).header("Idempotency-Key", key).contentType(ContentType.JSON).body(d)
                .post(INSPECTIONS).then().statusCode(201).extract().path("id");
        given().header("Authorization", officer).header("Idempotency-Key", key).contentType(ContentType.JSON).body(d)
                .post(INSPECTIONS).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(1, InspectionTree.countUnchecked(db, "SELECT count(*) FROM inspection_step WHERE inspection_id = '" + first + "'"));
        d.put("title", "Kiểm tra\u202Echi bộ");
        create(officer, d).statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("title"));
        d.put("title", "Kiểm tra chi bộ");
        d.put("content", "Nội dung\u0000");
        create(officer, d).statusCode(400).body("errors[0].field", equalTo("content"));
        d.put("content", "Nội dung");
        d.put("periodFrom", "2026-02-30");
        create(officer, d).statusCode(400).body("errors[0].field", equalTo("periodFrom"))
                .body(org.hamcrest.Matchers.not(containsString("java.")));
        // NFC on the way in: a decomposed name is stored composed
        d.put("periodFrom", "2025-01-01");
        d.put("title", "Kie\u0302\u0309m tra");
        create(officer, d).statusCode(201).body("title", equalTo("Kiểm tra"));
    }

    @Test
    void twoDecisionsRacingOnOneVersionGiveOneSuccessAndOneStaleVersion() throws Exception {
        String id = create(officer, draft("THEMATIC_INSPECTION", "INSPECTION_COMMISSION", List.of(org(tree.cell)))).statusCode(201)
                .extract().path("id");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int n = 0; n < 4; n++) {
                answers.add(pool.submit(() -> act(commission, id, 1, "decide", decision()).extract().statusCode()));
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (var a : answers) {
                codes.add(a.get());
            }
            java.util.Collections.sort(codes);
            assertEquals(List.of(200, 412, 412, 412), codes);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, InspectionTree.countUnchecked(db, "SELECT count(*) FROM inspection_step WHERE action = 'DECIDE' AND inspection_id = '"
                + id + "'"));
        assertEquals(2, InspectionTree.countUnchecked(db, "SELECT count(*) FROM inspection_team_member WHERE inspection_id = '" + id + "'"));
    }

    @Test
    void codesCarryVietnameseLabels() {
        given().header("Authorization", officer).get(INSPECTIONS + "/codes").then().statusCode(200)
                .body("kind.find { it.code == 'INSPECTION_ON_SIGNS' }.labelVi", equalTo("Kiểm tra khi có dấu hiệu vi phạm"))
                .body("status.code", hasItem("NOTICE_ISSUED"));
    }

    // ---- helpers, shared with the other tests of the service

    void runToHeard(String id) {
        act(commission, id, 1, "decide", decision()).statusCode(200);
        act(officer, id, 2, "notify", Map.of("on", "2026-11-03")).statusCode(200);
        act(officer, id, 3, "self-report", step("2026-11-05", "Báo cáo tự kiểm tra")).statusCode(200);
        act(officer, id, 4, "verification", Map.of("kind", "DOCUMENT", "on", "2026-11-09", "summary", "Nghiên cứu hồ sơ")).statusCode(200);
        act(officer, id, 5, "draft-report", step("2026-11-12", "Dự thảo")).statusCode(200);
        act(officer, id, 6, "hearing", step("2026-11-16", "Giải trình")).statusCode(200);
    }

    /** The ward's supervision of the cell and one of its members, at its result notice (version 5) with signs of violation. */
    String supervisionWithResult() {
        return supervisionWithResult("Có dấu hiệu vi phạm trong quản lý đảng phí");
    }

    /** As {@link #supervisionWithResult()}, its result notice recording {@code signsOfViolation} (null: none). */
    String supervisionWithResult(String signsOfViolation) {
        String committee = bearer(tree.ward, "committee");
        String id = create(officer, draft("THEMATIC_SUPERVISION", "COMMITTEE", List.of(org(tree.cell), member(tree.cellMember))))
                .statusCode(201).extract().path("id");
        act(committee, id, 1, "notify", Map.of("on", "2026-11-03")).statusCode(200);
        act(officer, id, 2, "self-report", step("2026-11-05", "Chi bộ báo cáo")).statusCode(200);
        act(officer, id, 3, "verification", Map.of("kind", "WORKING_SESSION", "on", "2026-11-09", "summary", "Làm việc với chi bộ"))
                .statusCode(200);
        Map<String, Object> result = conclusion("2026-11-18", List.of(), List.of());
        result.put("signsOfViolation", signsOfViolation);
        result.put("notice", notice("2026-11-19"));
        act(committee, id, 4, "issue-result", result).statusCode(200);
        return id;
    }

    static ValidatableResponse create(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post(INSPECTIONS).then();
    }

    static ValidatableResponse act(String token, String id, long version, String action, Object body) {
        return given().header("Authorization", token).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(body).post(INSPECTIONS + "/" + id + "/" + action).then();
    }

    static ValidatableResponse edit(String token, String id, long version, Map<String, Object> body) {
        return given().header("Authorization", token).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(body).put(INSPECTIONS + "/" + id).then();
    }

    /** A proposal to the competent unit (null: the supervising unit) of one subject. */
    static Map<String, Object> proposal(UUID competentUnitId, Map<String, Object> subject) {
        Map<String, Object> p = new HashMap<>();
        if (competentUnitId != null) {
            p.put("competentUnitId", competentUnitId.toString());
        }
        p.put("decidingBody", "INSPECTION_COMMISSION");
        p.put("content", "Đề nghị kiểm tra khi có dấu hiệu vi phạm");
        p.put("subjects", List.of(subject));
        return p;
    }

    static Map<String, Object> draft(String kind, String body, List<Map<String, Object>> subjects) {
        Map<String, Object> d = new HashMap<>();
        d.put("kind", kind);
        d.put("decidingBody", body);
        d.put("title", "Kiểm tra việc chấp hành Điều lệ Đảng năm 2026");
        d.put("content", "Việc chấp hành nguyên tắc tập trung dân chủ, quy chế làm việc");
        d.put("periodFrom", "2025-01-01");
        d.put("periodTo", "2026-06-30");
        d.put("fields", List.of("ANTI_CORRUPTION"));
        d.put("subjects", subjects);
        return d;
    }

    static Map<String, Object> org(UUID id) {
        return Map.of("type", "ORG_UNIT", "orgUnitId", id.toString());
    }

    static Map<String, Object> member(UUID id) {
        return Map.of("type", "MEMBER", "memberId", id.toString());
    }

    Map<String, Object> decision() {
        return Map.of("decisionNumber", "15-QĐ/UBKT", "decisionDate", "2026-11-02", "team", List.of(
                Map.of("memberId", tree.wardOfficer.toString(), "role", "LEADER"),
                Map.of("fullName", "Phạm Thị Hoa", "role", "MEMBER")));
    }

    static Map<String, Object> step(String on, String summary) {
        return Map.of("on", on, "summary", summary);
    }

    static Map<String, Object> notice(String on) {
        return Map.of("noticeNumber", "20-TB/UBKT", "noticeDate", on, "recipients", List.of("Chi bộ Tổ dân phố 5", "Lưu UBKT"),
                "publicationScope", "PARTY_ORGANISATION");
    }

    static Map<String, Object> conclusion(String on, List<Map<String, Object>> violations, List<Map<String, Object>> remediation) {
        Map<String, Object> c = new HashMap<>();
        c.put("concludedOn", on);
        c.put("strengths", "Chấp hành tốt nguyên tắc tập trung dân chủ");
        c.put("shortcomings", "Sinh hoạt chưa đều");
        c.put("causes", "Chưa quan tâm đúng mức");
        c.put("responsibility", "Thuộc về chi ủy");
        c.put("violations", violations);
        c.put("remediation", remediation);
        return c;
    }

    static JsonNode json(ConsumerRecord<String, String> r) {
        try {
            return vn.ktgs.events.EventJson.mapper().readTree(r.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
