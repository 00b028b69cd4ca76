package vn.ktgs.discipline.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.events.AppealDecided;
import vn.ktgs.events.AppealFiled;
import vn.ktgs.events.DenunciationConcluded;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.InspectionViolationFound;
import vn.ktgs.events.Origin;
import vn.ktgs.events.RecordContract;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.contract.TopicWatcher;
import vn.ktgs.kit.membercopy.DirectoryEvents;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.ktgs.kit.contract.TestTokens.bearer;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "discipline"))
class DisciplineCaseResourceTest {
    static final String CASES = "/api/v1/discipline-cases";
    private static DisciplineTree tree;

    @Inject
    AgroalDataSource db;

    String officer;
    String cellBody;

    @BeforeEach
    void tree() throws Exception {
        if (tree == null) {
            tree = new DisciplineTree(db);
        }
        officer = bearer(tree.cell, "officer");
        cellBody = bearer(tree.cell, "committee");
    }

    @Test
    void aCellWarnsItsMemberFromTheViolationToTheReportUp() {
        JsonNode before = statistics();
        String id = create(officer, draft(tree.member, "CELL", "REPRIMAND", act("2026-03-01", "2026-06-30"))).statusCode(201)
                .header("Location", containsString(CASES + "/")).header("ETag", "\"1\"")
                .body("status", equalTo("OPENED")).body("ruleSetId", equalTo("DISCIPLINE-QD296-2025"))
                .body("subjectName", equalTo("Trần Thị Lụa")).body("subjectOrgUnitId", equalTo(tree.cell.toString()))
                .body("origin.type", equalTo("OWN_INITIATIVE")).body("mitigating", contains("COOPERATED"))
                .body("acts[0].article", equalTo("Điều 12")).extract().path("id");

        vote(cellBody, id, 1, ballot(12, 1, Map.of("WARNING", 6))).statusCode(409)
                .body("errors[0].rule", equalTo("decision-after-self-criticism-and-hearing"));
        step(officer, id, 1, "self-criticism", Map.of("outcome", "MADE", "on", "2026-11-02", "proposedForm", "REPRIMAND"))
                .statusCode(200).body("status", equalTo("SELF_CRITICISM")).body("selfProposedForm", equalTo("REPRIMAND"));
        step(officer, id, 2, "hearing", Map.of("on", "2026-11-03", "heardBy", "Đồng chí Bí thư Đảng ủy phường")).statusCode(200)
                .body("status", equalTo("HEARD")).body("heardOn", equalTo("2026-11-03"));
        // officers record; only the cell in session (the committee role speaks for it) votes
        vote(officer, id, 3, ballot(12, 1, Map.of("WARNING", 6, "REPRIMAND", 3))).statusCode(403);
        // 12 official members, 1 away elsewhere: 6 of 11 is more than half
        vote(cellBody, id, 3, ballot(12, 1, Map.of("WARNING", 6, "REPRIMAND", 3))).statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("VOTED")).body("vote.denominator", equalTo(11)).body("vote.result", equalTo("WARNING"))
                .body("vote.excluded[0].reason", equalTo("TEMPORARILY_ELSEWHERE")).body("subjectCategory", equalTo("ORDINARY"));
        step(cellBody, id, 4, "decide", Map.of("decisionNumber", "05-QĐ/CB", "on", "2026-11-05")).statusCode(200)
                .body("status", equalTo("DECIDED")).body("decision.form", equalTo("WARNING"))
                .body("decision.limitationExpired", equalTo(false)).body("decision.executed", equalTo(true))
                .body("decision.limitationLastDay", equalTo("2036-06-30"));
        step(cellBody, id, 5, "announce", Map.of("on", "2026-11-06", "summary", "Công bố tại cuộc họp chi bộ")).statusCode(200)
                .body("status", equalTo("ANNOUNCED")).body("decision.effectUntil", equalTo("2027-11-06"))
                // 30 days from 6/11 is Sunday 6/12: the window ends on Monday 7/12
                .body("decision.appealWindowEnds", equalTo("2026-12-07")).body("decision.inEffect", equalTo(true));

        List<ConsumerRecord<String, String>> records = TopicWatcher.recordsFor(Topics.DISCIPLINE, id, r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, records.size());
        JsonNode event = json(records.get(0));
        assertEquals(EventTypes.DISCIPLINE_DECIDED, event.path("type").asText());
        assertEquals("WARNING", event.path("data").path("form").asText());
        assertEquals("2026-11-06", event.path("data").path("announcedOn").asText());
        assertEquals(tree.member.toString(), event.path("data").path("subjectMemberId").asText());
        assertEquals(List.of(), RecordContract.violations(records.get(0).topic(), headers(records.get(0)), records.get(0).key(),
                records.get(0).value()));

        given().header("Authorization", bearer(tree.ward, "viewer")).get(CASES + "/restrictions?memberId=" + tree.member).then()
                .log().ifValidationFails().statusCode(200).body("decisions", hasSize(1)).body("decisions[0].form", equalTo("WARNING"))
                .body("decisions[0].restrictions.code", hasItems("NO_TRANSFER", "NO_APPOINTMENT", "NO_AWARDS"));
        step(officer, id, 6, "report-up", Map.of("on", "2026-11-10")).statusCode(200).body("status", equalTo("REPORTED_UP"));
        given().header("Authorization", officer).get(CASES + "/" + id + "/history").then().statusCode(200)
                .body("steps.action", contains("OPEN", "SELF_CRITICISM_RECORDED", "HEAR", "VOTE", "DECIDE", "ANNOUNCE", "REPORT_UP"));

        JsonNode after = statistics();
        assertEquals(1, count(after, "membersByForm", "WARNING") - count(before, "membersByForm", "WARNING"));
        assertEquals(1, count(after, "byDecidingBody", "CELL") - count(before, "byDecidingBody", "CELL"));
        assertEquals(1, count(after, "byViolationGroup", "ETHICS_LIFESTYLE") - count(before, "byViolationGroup", "ETHICS_LIFESTYLE"));
        String csv = given().header("Authorization", officer).get(CASES + "/statistics?org=" + tree.cell + "&year=2026&format=csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertEquals("section,code,labelVi,count", csv.lines().findFirst().orElseThrow());
        assertEquals(true, csv.contains("membersByForm,WARNING,\"Cảnh cáo\"," + count(after, "membersByForm", "WARNING")));
    }

    @Test
    void callersSeeTheirSubtreeAndOnlyTheDecidingBodyDecides() {
        String id = create(officer, draft(tree.member, "CELL", null, act("2026-01-10", "2026-02-10"))).statusCode(201).extract().path("id");
        given().get(CASES).then().statusCode(401);
        create(bearer(tree.cell, "viewer"), draft(tree.member, "CELL", null, act("2026-01-10", "2026-02-10"))).statusCode(403);
        given().header("Authorization", bearer(tree.otherWard, "officer")).get(CASES + "/" + id).then().statusCode(404);
        given().header("Authorization", bearer(tree.ward, "viewer")).get(CASES + "/" + id).then().statusCode(200).body("id", equalTo(id));
        given().header("Authorization", bearer(tree.otherWard, "viewer")).get(CASES + "?org=" + tree.cell).then().statusCode(404);
        given().header("Authorization", bearer(tree.ward, "viewer")).get(CASES + "?org=" + tree.cell + "&subjectMemberId=" + tree.member)
                .then().statusCode(200).body("items.id", hasItem(id));
        // the ward above sees the case but does not act for the cell
        step(bearer(tree.ward, "committee"), id, 1, "defer", deferral("PREGNANCY")).statusCode(403);
        given().header("Authorization", officer).contentType(ContentType.JSON).body(draft(tree.member, "CELL", null, act("2026-01-10", "2026-02-10")))
                .put(CASES + "/" + id).then().statusCode(428);
        step(officer, id, 7, "self-criticism", Map.of("outcome", "MADE", "on", "2026-11-02")).statusCode(412);
    }

    @Test
    void refusalsNameEveryBrokenRuleAndWriteNothing() {
        long cases = DisciplineTree.count(db, "SELECT count(*) FROM discipline_case");
        Map<String, Object> d = draft(tree.probationary, "STANDING_COMMITTEE", null, Map.of("act", "Vi phạm", "group", "OTHER",
                "actFrom", "2030-01-01", "actTo", "2026-01-01", "continuing", true));
        d.put("mitigating", List.of("BRIBED"));
        create(officer, d).statusCode(422).body("errors.rule", hasItems("body-exists", "act-dates", "date-order", "date-not-future", "code-known"))
                .body("errors.field", hasItems("decidingBody", "acts[0].actTo", "acts[0].actFrom", "mitigating[0]"));
        create(officer, draft(tree.probationary, "CELL", "EXPULSION", act("2026-01-10", "2026-02-10"))).statusCode(422)
                .body("errors[0].rule", equalTo("form-fits-subject")).body("errors[0].field", equalTo("proposedForm"));
        create(officer, draft(tree.otherWardMember, "CELL", null, act("2026-01-10", "2026-02-10"))).statusCode(422)
                .body("errors[0].rule", equalTo("subject-in-scope"));
        create(officer, draft(UUID.randomUUID(), "CELL", null, act("2026-01-10", "2026-02-10"))).statusCode(422)
                .body("errors[0].rule", equalTo("member-exists"));
        assertEquals(cases, DisciplineTree.count(db, "SELECT count(*) FROM discipline_case"));

        String id = heard(tree.member, act("2026-01-10", "2026-02-10"));
        Map<String, Object> open = ballot(10, 0, Map.of("WARNING", 7, "REPRIMAND", 4));
        open.put("secret", false);
        vote(cellBody, id, 3, open).statusCode(422).body("errors.rule", hasItems("secret-ballot", "vote-count"));
        given().header("Authorization", officer).get(CASES + "/" + id).then().body("status", equalTo("HEARD")).body("version", equalTo(3));
        assertEquals(0, DisciplineTree.count(db, "SELECT count(*) FROM discipline_vote WHERE case_id = '" + id + "'"));
    }

    @Test
    void aCellCannotRemoveItsSecretaryFromPostAndProposesUpToTheWardCommittee() {
        String id = heard(tree.secretary, act("2026-01-10", "2026-02-10"));
        vote(cellBody, id, 3, ballot(12, 0, Map.of("REMOVAL_FROM_POST", 8))).statusCode(200).body("vote.result", equalTo("REMOVAL_FROM_POST"));
        step(cellBody, id, 4, "decide", Map.of("decisionNumber", "07-QĐ/CB", "on", "2026-11-05")).statusCode(422)
                .body("errors[0].rule", equalTo("authority")).body("errors[0].message", containsString("COMMITTEE"));
        String upId = step(cellBody, id, 4, "propose-up", Map.of("on", "2026-11-05", "summary", "Đề nghị Đảng ủy phường cách chức"))
                .statusCode(200).body("status", equalTo("PROPOSED_UP")).body("proposedTo.unitId", equalTo(tree.ward.toString()))
                .body("proposedTo.body", equalTo("COMMITTEE")).extract().path("proposedTo.caseId");
        given().header("Authorization", bearer(tree.ward, "officer")).get(CASES + "/" + upId).then().statusCode(200)
                .body("status", equalTo("OPENED")).body("source", equalTo("PROPOSAL")).body("origin.type", equalTo("DISCIPLINE_CASE"))
                .body("origin.id", equalTo(id)).body("proposedForm", equalTo("REMOVAL_FROM_POST")).body("acts", hasSize(1));
        step(cellBody, id, 5, "propose-up", Map.of("on", "2026-11-05")).statusCode(409);
    }

    @Test
    void theCentralCommissionCannotExpelALowerLevelCommitteeMemberAndProposesUpToTheStandingCommittee() {
        String centralOfficer = bearer(tree.central, "officer");
        String commission = bearer(tree.central, "commission");
        String id = create(centralOfficer, draft(tree.secretary, "INSPECTION_COMMISSION", null, act("2026-01-10", "2026-02-10")))
                .statusCode(201).extract().path("id");
        step(centralOfficer, id, 1, "self-criticism", Map.of("outcome", "MADE", "on", "2026-11-02")).statusCode(200);
        step(centralOfficer, id, 2, "hearing", Map.of("on", "2026-11-03", "heardBy", "Đồng chí Chủ nhiệm Ủy ban Kiểm tra Trung ương"))
                .statusCode(200);
        // the commission may not expel a cấp ủy viên of a lower level: 7 of 9 only propose it (DOMAIN §3.1)
        vote(commission, id, 3, ballot(9, 0, Map.of("EXPULSION", 7))).statusCode(200).body("vote.result", equalTo("EXPULSION"))
                .body("subjectCategory", equalTo("LOWER_LEVEL_COMMITTEE_MEMBER"));
        step(commission, id, 4, "decide", Map.of("decisionNumber", "12-QĐ/UBKTTW", "on", "2026-11-05")).statusCode(422)
                .body("errors[0].rule", equalTo("authority")).body("errors[0].field", equalTo("form"));
        given().header("Authorization", centralOfficer).get(CASES + "/" + id).then().body("status", equalTo("VOTED"))
                .body("version", equalTo(4)).body("decision", org.hamcrest.Matchers.nullValue());
        String upId = step(commission, id, 4, "propose-up", Map.of("on", "2026-11-05")).statusCode(200)
                .body("status", equalTo("PROPOSED_UP")).body("proposedTo.unitId", equalTo(tree.central.toString()))
                .body("proposedTo.body", equalTo("STANDING_COMMITTEE")).extract().path("proposedTo.caseId");
        given().header("Authorization", centralOfficer).get(CASES + "/" + upId).then().statusCode(200)
                .body("decidingBody", equalTo("STANDING_COMMITTEE")).body("proposedForm", equalTo("EXPULSION"));
    }

    @Test
    void aDeferredCaseWaitsForItsResumption() {
        String id = create(officer, draft(tree.member, "CELL", null, act("2026-01-10", "2026-02-10"))).statusCode(201).extract().path("id");
        step(cellBody, id, 1, "defer", deferral("VACATION")).statusCode(422).body("errors[0].rule", equalTo("deferral-ground"));
        step(cellBody, id, 1, "defer", deferral("PREGNANCY")).statusCode(200).body("status", equalTo("DEFERRED"))
                .body("deferralGround", equalTo("PREGNANCY")).body("deferredUntil", equalTo("2027-05-01"));
        step(officer, id, 2, "self-criticism", Map.of("outcome", "MADE", "on", "2026-11-02")).statusCode(409)
                .body("errors[0].rule", equalTo("deferred-no-step"));
        step(cellBody, id, 2, "resume", Map.of("on", "2026-11-10")).statusCode(200).body("status", equalTo("OPENED"));
        step(officer, id, 3, "self-criticism", Map.of("outcome", "REFUSED", "on", "2026-11-11")).statusCode(422)
                .body("errors[0].rule", equalTo("refusal-documented"));
        step(officer, id, 3, "self-criticism", Map.of("outcome", "REFUSED", "on", "2026-11-11", "document", "Biên bản số 3"))
                .statusCode(200).body("status", equalTo("SELF_CRITICISM")).body("selfCriticism", equalTo("REFUSED"));
    }

    @Test
    void aGroundArisingAfterTheVoteDefersTheDecisionAndTheResumptionKeepsTheVote() {
        String id = heard(tree.member, act("2026-01-10", "2026-02-10"));
        vote(cellBody, id, 3, ballot(9, 0, Map.of("REPRIMAND", 5))).statusCode(200).body("status", equalTo("VOTED"));
        step(cellBody, id, 4, "defer", deferral("PREGNANCY", "2026-11-06")).statusCode(200).body("status", equalTo("DEFERRED"))
                .body("vote.result", equalTo("REPRIMAND"));
        step(cellBody, id, 5, "decide", Map.of("decisionNumber", "11-QĐ/CB", "on", "2026-11-07")).statusCode(409)
                .body("errors[0].rule", equalTo("deferred-no-step"));
        step(cellBody, id, 5, "resume", Map.of("on", "2026-11-10")).statusCode(200).body("status", equalTo("VOTED"))
                .body("vote.on", equalTo("2026-11-05")).body("vote.denominator", equalTo(9)).body("vote.result", equalTo("REPRIMAND"));
        step(cellBody, id, 6, "decide", Map.of("decisionNumber", "11-QĐ/CB", "on", "2026-11-10")).statusCode(200)
                .body("status", equalTo("DECIDED")).body("decision.form", equalTo("REPRIMAND"));
        given().header("Authorization", officer).get(CASES + "/" + id + "/history").then().statusCode(200)
                .body("steps.action", contains("OPEN", "SELF_CRITICISM_RECORDED", "HEAR", "VOTE", "DEFER", "RESUME", "DECIDE"));
    }

    @Test
    void anExpiredCaseIsConcludedAndVotedButNotExecuted() {
        String id = heard(tree.member, act("2019-01-01", "2020-06-30"));
        vote(cellBody, id, 3, ballot(9, 0, Map.of("REPRIMAND", 5))).statusCode(200).body("vote.result", equalTo("REPRIMAND"));
        step(cellBody, id, 4, "decide", Map.of("decisionNumber", "09-QĐ/CB", "on", "2026-11-12")).statusCode(200)
                .body("status", equalTo("LIMITATION_EXPIRED")).body("decision.form", equalTo("REPRIMAND"))
                .body("decision.limitationExpired", equalTo(true)).body("decision.executed", equalTo(false))
                .body("decision.limitationLastDay", equalTo("2025-06-30"));
        step(cellBody, id, 5, "announce", Map.of("on", "2026-11-13")).statusCode(409);
    }

    @Test
    void aNewViolationInAnotherOfTheMembersCasesRestartsTheLimitationUnlessThatCaseEndedWithoutDiscipline() {
        // a member no other test opens a case against: each inspection or denunciation opens a case of its own
        String id = heard(tree.reoffender, act("2019-01-01", "2020-06-30"));
        create(officer, draft(tree.reoffender, "CELL", null, act("2024-03-01", "2024-04-01"))).statusCode(201);
        String cleared = heard(tree.reoffender, act("2024-06-01", "2024-07-01"));
        vote(cellBody, cleared, 3, ballot(9, 0, Map.of("REPRIMAND", 4))).statusCode(200).body("status", equalTo("NOT_DISCIPLINED"));
        vote(cellBody, id, 3, ballot(9, 0, Map.of("REPRIMAND", 5))).statusCode(200).body("vote.result", equalTo("REPRIMAND"));
        // the act of 1/4/2024, begun before 30/6/2025, restarts the count (60 months from its end); the cleared one does not
        step(cellBody, id, 4, "decide", Map.of("decisionNumber", "13-QĐ/CB", "on", "2026-11-12")).statusCode(200)
                .body("status", equalTo("DECIDED")).body("decision.limitationExpired", equalTo(false))
                .body("decision.executed", equalTo(true)).body("decision.limitationLastDay", equalTo("2029-04-01"));
    }

    @Test
    void aViolationFoundByAnInspectionOpensOneCasePerSubjectWithEachViolationAsAnAct() throws Exception {
        UUID inspection = UUID.randomUUID();
        InspectionViolationFound first = violation(inspection, UUID.randomUUID(), "Không đóng đảng phí 6 tháng");
        InspectionViolationFound second = violation(inspection, UUID.randomUUID(), "Vi phạm quy định về những điều đảng viên không được làm");
        try (DirectoryEvents d = new DirectoryEvents()) {
            d.publish(Topics.INSPECTION, inspectionEvent(first));
            d.publish(Topics.INSPECTION, inspectionEvent(second));
            d.publish(Topics.INSPECTION, inspectionEvent(first));
        }
        String where = "origin_id = '" + inspection + "'";
        await().atMost(Duration.ofSeconds(30)).until(() -> DisciplineTree.count(db,
                "SELECT count(*) FROM discipline_act a JOIN discipline_case c ON c.id = a.case_id WHERE c." + where) == 2);
        assertEquals(1, DisciplineTree.count(db, "SELECT count(*) FROM discipline_case WHERE " + where));
        String id = given().header("Authorization", bearer(tree.ward, "commission")).get(CASES + "?subjectMemberId=" + tree.member
                + "&status=OPENED&q=khong dong dang phi").then().statusCode(200).extract().path("items[0].id");
        given().header("Authorization", bearer(tree.ward, "commission")).get(CASES + "/" + id).then().statusCode(200)
                .body("source", equalTo("INSPECTION")).body("origin.type", equalTo("INSPECTION")).body("origin.id", equalTo(inspection.toString()))
                .body("decidingUnitId", equalTo(tree.ward.toString())).body("decidingBody", equalTo("INSPECTION_COMMISSION"))
                .body("decisionToInspectOn", equalTo("2026-10-01")).body("concludedOn", equalTo("2026-11-02"))
                .body("acts.act", contains(first.act(), second.act())).body("acts[1].continuing", equalTo(true));
    }

    @Test
    void aDecisionsEffectEndsByItselfTwelveMonthsAfterItsAnnouncement() {
        // a member no other test opens a case against: a later case still pending holds the effect
        String id = create(officer, draft(tree.retiree, "CELL", null, act("2025-01-10", "2025-03-10"))).statusCode(201).extract().path("id");
        String later = heard(tree.retiree, act("2026-05-01", "2026-05-02"));
        step(officer, id, 1, "self-criticism", Map.of("outcome", "MADE", "on", "2025-10-01")).statusCode(200);
        step(officer, id, 2, "hearing", Map.of("on", "2025-10-05", "heardBy", "Đồng chí Phó Bí thư chi bộ")).statusCode(200);
        vote(cellBody, id, 3, ballot(9, 0, Map.of("REPRIMAND", 6), "2025-10-10")).statusCode(200);
        step(cellBody, id, 4, "decide", Map.of("decisionNumber", "03-QĐ/CB", "on", "2025-10-10")).statusCode(200);
        step(cellBody, id, 5, "announce", Map.of("on", "2025-10-12")).statusCode(200).body("decision.effectUntil", equalTo("2026-10-12"));
        // the check runs every second in tests: three runs leave it in effect while the later case is pending
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        given().header("Authorization", officer).get(CASES + "/" + id).then().body("status", equalTo("ANNOUNCED"))
                .body("decision.inEffect", equalTo(true));
        // and so are its restrictions, past its last day
        given().header("Authorization", officer).get(CASES + "/restrictions?memberId=" + tree.retiree).then().statusCode(200)
                .body("decisions.caseId", contains(id)).body("decisions[0].restrictions.code", hasItems("NO_TRANSFER", "NO_AWARDS"));
        // no form reaches a majority in the later case: it ends without discipline, and the effect may end
        vote(cellBody, later, 3, ballot(9, 0, Map.of("REPRIMAND", 4))).statusCode(200).body("status", equalTo("NOT_DISCIPLINED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "EFFECT_ENDED".equals(given().header("Authorization", officer)
                .get(CASES + "/" + id).then().extract().path("status")));
        given().header("Authorization", officer).get(CASES + "/" + id).then().body("decision.effectEndedOn", equalTo("2026-10-13"))
                .body("decision.inEffect", equalTo(false));
        List<JsonNode> events = TopicWatcher.eventsFor(Topics.DISCIPLINE, id, e -> e.size() >= 2, Duration.ofSeconds(30));
        assertEquals(List.of(EventTypes.DISCIPLINE_DECIDED, EventTypes.DISCIPLINE_EFFECT_ENDED),
                events.stream().map(e -> e.path("type").asText()).toList());
        assertEquals("2026-10-13", events.get(1).path("data").path("endedOn").asText());
        given().header("Authorization", officer).get(CASES + "/restrictions?memberId=" + tree.retiree).then().statusCode(200)
                .body("decisions", hasSize(0));
    }

    @Test
    void aHeldDecisionFirstInLineDoesNotKeepTheOthersFromEnding() {
        // one effect ends per check in tests: the held decision, due first, must not take every turn
        heard(tree.awaiting, act("2026-05-01", "2026-05-02"));
        String held = announced(tree.awaiting, "2025-05");
        String due = announced(tree.served, "2025-06");
        await().atMost(Duration.ofSeconds(30)).until(() -> "EFFECT_ENDED".equals(given().header("Authorization", officer)
                .get(CASES + "/" + due).then().extract().path("status")));
        given().header("Authorization", officer).get(CASES + "/" + held).then().body("status", equalTo("ANNOUNCED"))
                .body("decision.effectUntil", equalTo("2026-05-12"));
    }

    @Test
    void anAppealsDecisionChangesOrAnnulsTheDecisionAndAnUnknownCaseIsParked() throws Exception {
        String id = heard(tree.probationary, act("2026-04-01", "2026-04-30"));
        vote(cellBody, id, 3, ballot(9, 0, Map.of("WARNING", 5))).statusCode(200);
        step(cellBody, id, 4, "decide", Map.of("decisionNumber", "11-QĐ/CB", "on", "2026-11-05")).statusCode(200);
        step(cellBody, id, 5, "announce", Map.of("on", "2026-11-05")).statusCode(200).body("decision.effectUntil", equalTo("2027-11-05"));
        UUID caseId = UUID.fromString(id);
        // an appeal accepted: the decision waits for it; found inadmissible, the decision stays as it was
        UUID rejected = UUID.randomUUID();
        try (DirectoryEvents d = new DirectoryEvents()) {
            d.publish(Topics.COMPLAINTS, DirectoryEvents.event("/ktgs/complaints-service", EventTypes.APPEAL_FILED, rejected,
                    EventJson.mapper().valueToTree(new AppealFiled(rejected, caseId, LocalDate.of(2026, 11, 12), tree.ward,
                            "STANDING_COMMITTEE", new Origin("APPEAL", rejected)))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rejected.toString().equals(given().header("Authorization", officer)
                .get(CASES + "/" + id).then().extract().path("decision.appealPendingId")));
        try (DirectoryEvents d = new DirectoryEvents()) {
            d.publish(Topics.COMPLAINTS, appealEvent(new AppealDecided(rejected, caseId, "REJECTED", null, LocalDate.of(2026, 11, 13),
                    tree.ward, "STANDING_COMMITTEE", new Origin("APPEAL", rejected))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", officer)
                .get(CASES + "/" + id).then().extract().path("decision.appealPendingId") == null);
        given().header("Authorization", officer).get(CASES + "/" + id).then().body("decision.form", equalTo("WARNING"))
                .body("decision.effectUntil", equalTo("2027-11-05")).body("decision.appeal", org.hamcrest.Matchers.nullValue())
                .body("version", equalTo(8));
        AppealDecided changed = new AppealDecided(UUID.randomUUID(), caseId, "CHANGED", "REPRIMAND", LocalDate.of(2026, 11, 20), tree.ward,
                "STANDING_COMMITTEE", new Origin("APPEAL", null));
        AppealDecided unknown = new AppealDecided(UUID.randomUUID(), UUID.randomUUID(), "UPHELD", null, LocalDate.of(2026, 11, 20), tree.ward,
                "STANDING_COMMITTEE", new Origin("APPEAL", null));
        vn.ktgs.events.CloudEvent unknownEvent = appealEvent(unknown);
        try (DirectoryEvents d = new DirectoryEvents()) {
            d.publish(Topics.COMPLAINTS, appealEvent(changed));
            d.publish(Topics.COMPLAINTS, appealEvent(changed));
            d.publish(Topics.COMPLAINTS, unknownEvent);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "REPRIMAND".equals(given().header("Authorization", officer)
                .get(CASES + "/" + id).then().extract().path("decision.form")));
        given().header("Authorization", officer).get(CASES + "/" + id).then().body("status", equalTo("ANNOUNCED"))
                .body("decision.effectUntil", equalTo("2027-11-20")).body("decision.appeal.outcome", equalTo("CHANGED"))
                .body("version", equalTo(9));
        assertEquals(Set.of(DirectoryEvents.wire(unknownEvent)), DirectoryEvents.parked(Topics.deadLetter("discipline-service"),
                Set.of(DirectoryEvents.wire(unknownEvent)), Duration.ofSeconds(30)));

        try (DirectoryEvents d = new DirectoryEvents()) {
            d.publish(Topics.COMPLAINTS, appealEvent(new AppealDecided(UUID.randomUUID(), caseId, "ANNULLED", null, LocalDate.of(2026, 11, 22),
                    tree.province, "INSPECTION_COMMISSION", new Origin("APPEAL", null))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "ANNULLED".equals(given().header("Authorization", officer)
                .get(CASES + "/" + id).then().extract().path("status")));
        List<JsonNode> events = TopicWatcher.eventsFor(Topics.DISCIPLINE, id, e -> e.size() >= 3, Duration.ofSeconds(30));
        assertEquals(List.of(EventTypes.DISCIPLINE_DECIDED, EventTypes.DISCIPLINE_AMENDED, EventTypes.DISCIPLINE_AMENDED),
                events.stream().map(e -> e.path("type").asText()).toList());
        assertEquals("CHANGED", events.get(1).path("data").path("amendment").asText());
        assertEquals("REPRIMAND", events.get(1).path("data").path("form").asText());
        assertEquals("ANNULLED", events.get(2).path("data").path("amendment").asText());
    }

    @Test
    void aWardCommitteeProposesToDissolveACellAndTheProvinceCommitteeDecides() {
        String wardOfficer = bearer(tree.ward, "officer");
        String wardCommittee = bearer(tree.ward, "committee");
        Map<String, Object> d = new HashMap<>(draft(tree.member, "COMMITTEE", null, act("2026-01-01", "2026-09-30")));
        d.remove("subjectMemberId");
        d.put("subjectType", "ORG_UNIT");
        d.put("subjectOrgUnitId", tree.cell.toString());
        d.put("summary", "Chi bộ không sinh hoạt 3 kỳ liên tiếp");
        String id = create(wardOfficer, d).statusCode(201).body("subjectName", equalTo("Chi bộ Tổ dân phố 5"))
                .body("subjectType", equalTo("ORG_UNIT")).extract().path("id");
        d.put("summary", "Chi bộ không sinh hoạt đảng 3 kỳ liên tiếp");
        given().header("Authorization", wardOfficer).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(d)
                .put(CASES + "/" + id).then().statusCode(200).header("ETag", "\"2\"").body("summary", equalTo("Chi bộ không sinh hoạt đảng 3 kỳ liên tiếp"));
        step(wardOfficer, id, 2, "self-criticism", Map.of("outcome", "MADE", "on", "2026-11-02")).statusCode(200);
        step(wardOfficer, id, 3, "hearing", Map.of("on", "2026-11-03", "heardBy", "Đồng chí Phó Bí thư Đảng ủy phường")).statusCode(200);
        // a member's form for an organisation is refused
        vote(wardCommittee, id, 4, ballot(15, 0, Map.of("EXPULSION", 9))).statusCode(422).body("errors[0].rule", equalTo("form-fits-subject"));
        vote(wardCommittee, id, 4, ballot(15, 0, Map.of("DISSOLUTION", 9))).statusCode(200).body("vote.result", equalTo("DISSOLUTION"));
        step(wardCommittee, id, 5, "decide", Map.of("decisionNumber", "01-QĐ/ĐU", "on", "2026-11-05")).statusCode(422)
                .body("errors[0].rule", equalTo("authority"));
        String up = step(wardCommittee, id, 5, "propose-up", Map.of("on", "2026-11-05")).statusCode(200)
                .body("proposedTo.unitId", equalTo(tree.province.toString())).body("proposedTo.body", equalTo("COMMITTEE"))
                .extract().path("proposedTo.caseId");
        // the ward can no longer see the case above it; the province can
        given().header("Authorization", wardOfficer).get(CASES + "/" + up).then().statusCode(404);
        given().header("Authorization", bearer(tree.province, "viewer")).get(CASES + "/" + up).then().statusCode(200)
                .body("subjectType", equalTo("ORG_UNIT")).body("proposedForm", equalTo("DISSOLUTION"));
    }

    @Test
    void aFoundedDenunciationOpensACasePerAccusedWhoseViolationsWarrantDiscipline() throws Exception {
        UUID founded = UUID.randomUUID();
        UUID unfounded = UUID.randomUUID();
        var violation = new DenunciationConcluded.Violation("Sử dụng tài sản công vào việc riêng", "Điều 35", LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 8, 1), false);
        DenunciationConcluded d = new DenunciationConcluded(founded, tree.ward, "INSPECTION_COMMISSION", "PARTLY_FOUNDED",
                LocalDate.of(2026, 11, 9), List.of(
                new DenunciationConcluded.Accused("MEMBER", tree.secretary, tree.cell, "Nguyễn Văn Hùng", true, List.of(violation)),
                new DenunciationConcluded.Accused("MEMBER", tree.member, tree.cell, "Trần Thị Lụa", false, List.of())),
                new Origin("DENUNCIATION", founded));
        DenunciationConcluded none = new DenunciationConcluded(unfounded, tree.ward, "INSPECTION_COMMISSION", "UNFOUNDED",
                LocalDate.of(2026, 11, 9), List.of(new DenunciationConcluded.Accused("MEMBER", tree.member, tree.cell, "Trần Thị Lụa",
                true, List.of(violation))), new Origin("DENUNCIATION", unfounded));
        List<vn.ktgs.events.CloudEvent> events = List.of(denunciationEvent(none), denunciationEvent(d), denunciationEvent(d));
        try (DirectoryEvents e = new DirectoryEvents()) {
            for (vn.ktgs.events.CloudEvent event : events) {
                e.publish(Topics.COMPLAINTS, event);
            }
        }
        String ids = String.join("','", events.stream().map(vn.ktgs.events.CloudEvent::id).toList());
        // all three applied: the unfounded one opened nothing, the repeat changed nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> DisciplineTree.count(db,
                "SELECT count(*) FROM kit_processed_event WHERE event_id IN ('" + ids + "')") == 3);
        assertEquals(1, DisciplineTree.count(db, "SELECT count(*) FROM discipline_case WHERE origin_id = '" + founded + "'"));
        assertEquals(0, DisciplineTree.count(db, "SELECT count(*) FROM discipline_case WHERE origin_id = '" + unfounded + "'"));
        String id = given().header("Authorization", bearer(tree.ward, "commission")).get(CASES + "?subjectMemberId=" + tree.secretary
                + "&q=tai san cong").then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");
        given().header("Authorization", bearer(tree.ward, "commission")).get(CASES + "/" + id).then().statusCode(200)
                .body("source", equalTo("DENUNCIATION")).body("origin.id", equalTo(founded.toString()))
                .body("decidingBody", equalTo("INSPECTION_COMMISSION")).body("acts", hasSize(1)).body("acts[0].article", equalTo("Điều 35"));
        // an officer who opens the same case by hand meets the one the event opened
        Map<String, Object> again = new HashMap<>(draft(tree.secretary, "INSPECTION_COMMISSION", null, act("2025-02-01", "2025-08-01")));
        again.put("source", "DENUNCIATION");
        again.put("originType", "DENUNCIATION");
        again.put("originId", founded.toString());
        create(bearer(tree.ward, "officer"), again).statusCode(409);
    }

    @Test
    void theCodesAndRuleSetsAreReadable() {
        given().header("Authorization", bearer(tree.cell, "viewer")).get(CASES + "/codes").then().statusCode(200)
                .body("form.code", contains("REPRIMAND", "WARNING", "REMOVAL_FROM_POST", "EXPULSION", "DISSOLUTION"))
                .body("form.labelVi", hasItem("Khai trừ"));
        given().header("Authorization", bearer(tree.cell, "viewer")).get(CASES + "/rule-sets").then().statusCode(200)
                .body("id", hasItems("DISCIPLINE-QD102-2017", "DISCIPLINE-QD69-2022", "DISCIPLINE-QD296-2025"));
        given().get(CASES + "/codes").then().statusCode(401);
    }

    // --- helpers

    private static vn.ktgs.events.CloudEvent denunciationEvent(DenunciationConcluded d) {
        return DirectoryEvents.event("/ktgs/complaints-service", EventTypes.DENUNCIATION_CONCLUDED, d.denunciationId(),
                EventJson.mapper().valueToTree(d));
    }

    private static vn.ktgs.events.CloudEvent appealEvent(AppealDecided a) {
        return DirectoryEvents.event("/ktgs/complaints-service", EventTypes.APPEAL_DECIDED, a.appealId(), EventJson.mapper().valueToTree(a));
    }

    private String heard(UUID member, Map<String, Object> act) {
        String id = create(officer, draft(member, "CELL", null, act)).statusCode(201).extract().path("id");
        step(officer, id, 1, "self-criticism", Map.of("outcome", "MADE", "on", "2026-11-02")).statusCode(200);
        step(officer, id, 2, "hearing", Map.of("on", "2026-11-03", "heardBy", "Đồng chí Bí thư Đảng ủy phường")).statusCode(200);
        return id;
    }

    /** A reprimand of {@code member} decided and announced in {@code month} (yyyy-MM), on the 12th. */
    private String announced(UUID member, String month) {
        String id = create(officer, draft(member, "CELL", null, act("2025-01-10", "2025-03-10"))).statusCode(201).extract().path("id");
        step(officer, id, 1, "self-criticism", Map.of("outcome", "MADE", "on", month + "-01")).statusCode(200);
        step(officer, id, 2, "hearing", Map.of("on", month + "-05", "heardBy", "Đồng chí Phó Bí thư chi bộ")).statusCode(200);
        vote(cellBody, id, 3, ballot(9, 0, Map.of("REPRIMAND", 6), month + "-10")).statusCode(200);
        step(cellBody, id, 4, "decide", Map.of("decisionNumber", "07-QĐ/CB", "on", month + "-10")).statusCode(200);
        step(cellBody, id, 5, "announce", Map.of("on", month + "-12")).statusCode(200);
        return id;
    }

    private JsonNode statistics() {
        String body = given().header("Authorization", officer).get(CASES + "/statistics?org=" + tree.cell + "&year=2026").then()
                .statusCode(200).extract().asString();
        try {
            return EventJson.mapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(JsonNode stats, String section, String code) {
        for (JsonNode r : stats.path(section)) {
            if (r.path("code").asText().equals(code)) {
                return r.path("count").asLong();
            }
        }
        throw new AssertionError("no row " + code + " in " + section);
    }

    private InspectionViolationFound violation(UUID inspection, UUID violationId, String act) {
        boolean continuing = act.startsWith("Vi phạm");
        return new InspectionViolationFound(violationId, inspection, "INSPECTION_ON_SIGNS", tree.ward, "INSPECTION_COMMISSION", "MEMBER",
                tree.cell, tree.member, "Trần Thị Lụa", act, "Điều 8", LocalDate.of(2026, 1, 1),
                continuing ? null : LocalDate.of(2026, 6, 30), continuing, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 2),
                "INSPECTION-QD296-2025", new Origin("INSPECTION", inspection));
    }

    private static vn.ktgs.events.CloudEvent inspectionEvent(InspectionViolationFound v) {
        return DirectoryEvents.event("/ktgs/inspection-service", EventTypes.INSPECTION_VIOLATION_FOUND, v.inspectionId(),
                EventJson.mapper().valueToTree(v));
    }

    static Map<String, Object> draft(UUID member, String body, String proposedForm, Map<String, Object> act) {
        Map<String, Object> d = new HashMap<>();
        d.put("subjectType", "MEMBER");
        d.put("subjectMemberId", member.toString());
        d.put("decidingBody", body);
        d.put("source", "OFFICER");
        d.put("summary", "Vi phạm tư cách đảng viên");
        d.put("mitigating", List.of("COOPERATED"));
        d.put("acts", List.of(act));
        if (proposedForm != null) {
            d.put("proposedForm", proposedForm);
        }
        return d;
    }

    static Map<String, Object> act(String from, String to) {
        return Map.of("act", "Vi phạm quy định về đạo đức, lối sống", "article", "Điều 12", "group", "ETHICS_LIFESTYLE",
                "actFrom", from, "actTo", to, "continuing", false);
    }

    static Map<String, Object> deferral(String ground) {
        return deferral(ground, "2026-11-01");
    }

    static Map<String, Object> deferral(String ground, String on) {
        return Map.of("ground", ground, "on", on, "until", "2027-05-01", "summary", "Đảng viên đang mang thai");
    }

    static Map<String, Object> ballot(int official, int away, Map<String, Integer> votes) {
        return ballot(official, away, votes, "2026-11-05");
    }

    static Map<String, Object> ballot(int official, int away, Map<String, Integer> votes, String on) {
        Map<String, Object> b = new HashMap<>();
        b.put("on", on);
        b.put("secret", true);
        b.put("official", official);
        b.put("excluded", away == 0 ? List.of() : List.of(Map.of("reason", "TEMPORARILY_ELSEWHERE", "members", away)));
        b.put("votes", votes.entrySet().stream().map(e -> Map.of("form", e.getKey(), "yes", e.getValue())).toList());
        return b;
    }

    static ValidatableResponse create(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post(CASES).then();
    }

    static ValidatableResponse vote(String token, String id, long version, Map<String, Object> ballot) {
        return step(token, id, version, "vote", ballot);
    }

    static ValidatableResponse step(String token, String id, long version, String action, Object body) {
        return given().header("Authorization", token).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(body).post(CASES + "/" + id + "/" + action).then();
    }

    private static JsonNode json(ConsumerRecord<String, String> r) {
        try {
            return EventJson.mapper().readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> r) {
        Map<String, String> h = new HashMap<>();
        r.headers().forEach(x -> h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8)));
        return h;
    }
}
