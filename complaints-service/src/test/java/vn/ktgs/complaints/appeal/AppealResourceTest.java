package vn.ktgs.complaints.appeal;

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
import vn.ktgs.events.DisciplineDecided;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Origin;
import vn.ktgs.events.RecordContract;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.contract.TopicWatcher;
import vn.ktgs.kit.membercopy.DirectoryEvents;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.ktgs.kit.contract.TestTokens.bearer;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "complaints"))
class AppealResourceTest {
    static final String APPEALS = "/api/v1/appeals";
    private static final UUID PROVINCE = UUID.randomUUID();
    private static final UUID WARD = UUID.randomUUID();
    private static final UUID OTHER_WARD = UUID.randomUUID();
    private static final UUID CELL = UUID.randomUUID();
    private static boolean tree;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void tree() throws Exception {
        if (tree) {
            return;
        }
        UUID root = DirectoryEvents.ROOT;
        try (DirectoryEvents d = new DirectoryEvents()) {
            d.publish(DirectoryEvents.orgUnit(PROVINCE, List.of(root), "Đảng bộ tỉnh Hà Giang", "PROVINCE", 1));
            d.publish(DirectoryEvents.orgUnit(WARD, List.of(root, PROVINCE), "Đảng bộ phường Quang Trung", "COMMUNE", 1));
            d.publish(DirectoryEvents.orgUnit(OTHER_WARD, List.of(root, PROVINCE), "Đảng bộ phường Minh Khai", "COMMUNE", 1));
            d.publish(DirectoryEvents.orgUnit(CELL, List.of(root, PROVINCE, WARD), "Chi bộ Tổ dân phố 5", "CELL", 1));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM kit_org_unit_copy WHERE id IN ('"
                + PROVINCE + "','" + WARD + "','" + OTHER_WARD + "','" + CELL + "')") == 4);
        tree = true;
    }

    @Test
    void anAppealAgainstACellsDecisionIsHandledByTheWardsCommissionAndChangesTheForm() throws Exception {
        UUID caseId = decision(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1));
        String wardIntake = bearer(WARD, "intake");
        String id = file(wardIntake, filing(caseId, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10))).statusCode(201)
                .header("Location", containsString(APPEALS + "/")).body("status", equalTo("ACCEPTED")).body("level", equalTo(1))
                .body("handlingUnitId", equalTo(WARD.toString())).body("handlingBody", equalTo("INSPECTION_COMMISSION"))
                // 90 working days after 10/3/2026, across Giỗ Tổ (27/4), 30/4 and 1/5
                .body("dueOn", equalTo("2026-07-17")).body("overdue", equalTo(true)).body("rejectionReasons", empty())
                .extract().path("id");
        given().header("Authorization", bearer(WARD, "viewer")).get(APPEALS + "?overdue=true").then().statusCode(200)
                .body("items.id", hasItem(id));

        step(bearer(WARD, "commission"), id, 1, "decide", decision("UPHELD", null)).statusCode(409);
        step(bearer(WARD, "officer"), id, 1, "investigate", Map.of("on", "2026-03-20")).statusCode(200).body("status", equalTo("INVESTIGATING"));
        step(bearer(WARD, "officer"), id, 2, "decide", decision("CHANGED", "REPRIMAND")).statusCode(403);
        step(bearer(WARD, "commission"), id, 2, "decide", decision("CHANGED", "WARNING")).statusCode(422)
                .body("errors[0].rule", equalTo("form-changed"));
        step(bearer(WARD, "commission"), id, 2, "decide", decision("CHANGED", "REPRIMAND")).statusCode(200)
                .body("status", equalTo("DECIDED")).body("outcome", equalTo("CHANGED")).body("newForm", equalTo("REPRIMAND"))
                .body("overdue", equalTo(false));
        step(bearer(WARD, "officer"), id, 3, "notify", Map.of("on", "2026-06-02")).statusCode(200).body("status", equalTo("NOTIFIED"));
        given().header("Authorization", bearer(WARD, "viewer")).get(APPEALS + "/" + id + "/history").then().statusCode(200)
                .body("steps.action", contains("FILE", "INVESTIGATE", "DECIDE", "NOTIFY"));

        // the overdue notice may come between them (the deadline passed in July): it is checked in another test
        List<ConsumerRecord<String, String>> records = TopicWatcher.recordsFor(Topics.COMPLAINTS, id, r -> r.stream()
                .anyMatch(x -> json(x).path("type").asText().equals(EventTypes.APPEAL_DECIDED)), Duration.ofSeconds(30)).stream()
                .filter(r -> !json(r).path("type").asText().equals(EventTypes.APPEAL_OVERDUE)).toList();
        assertEquals(List.of(EventTypes.APPEAL_FILED, EventTypes.APPEAL_DECIDED), records.stream().map(r -> json(r).path("type").asText()).toList());
        JsonNode decided = json(records.get(1)).path("data");
        assertEquals(caseId.toString(), decided.path("caseId").asText());
        assertEquals("REPRIMAND", decided.path("newForm").asText());
        for (ConsumerRecord<String, String> r : records) {
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            assertEquals(List.of(), RecordContract.violations(r.topic(), headers, r.key(), r.value()));
        }

        // appealed again: one level up, to the province; the ward may not take it a second time
        file(wardIntake, filing(caseId, LocalDate.of(2026, 3, 25), LocalDate.of(2026, 6, 5))).statusCode(422)
                .body("errors[0].rule", equalTo("handling-level")).body("errors[0].message", containsString("level 2"));
        file(bearer(PROVINCE, "intake"), filing(caseId, LocalDate.of(2026, 3, 25), LocalDate.of(2026, 6, 5))).statusCode(201)
                .body("status", equalTo("ACCEPTED")).body("level", equalTo(2)).body("handlingBody", equalTo("STANDING_COMMITTEE"));
    }

    @Test
    void aChangedFormBeyondTheBodysAuthorityGoesUpToTheFirstBodyThatMayDecideIt() throws Exception {
        UUID caseId = decision(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1));
        String id = file(bearer(WARD, "intake"), filing(caseId, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10))).statusCode(201)
                .body("handlingUnitId", equalTo(WARD.toString())).body("handlingBody", equalTo("INSPECTION_COMMISSION")).extract().path("id");
        step(bearer(WARD, "officer"), id, 1, "investigate", Map.of("on", "2026-03-20")).statusCode(200);
        // the ward's UBKT and BTV only reprimand or warn an ordinary member, and its committee may not admit members, so it
        // cannot expel: the province's BTV may (the propose-up order, the ward first, then the units above)
        step(bearer(WARD, "commission"), id, 2, "decide", decision("CHANGED", "EXPULSION")).statusCode(200)
                .body("status", equalTo("INVESTIGATING")).body("outcome", nullValue()).body("proposedForm", equalTo("EXPULSION"))
                .body("handlingUnitId", equalTo(PROVINCE.toString())).body("handlingBody", equalTo("STANDING_COMMITTEE"))
                .body("transferredFromUnitId", equalTo(WARD.toString()));
        given().header("Authorization", bearer(WARD, "viewer")).get(APPEALS + "/" + id).then().statusCode(404);
        step(bearer(PROVINCE, "commission"), id, 3, "decide", decision("CHANGED", "EXPULSION")).statusCode(403);
        step(bearer(PROVINCE, "committee"), id, 3, "decide", decision("CHANGED", "EXPULSION")).statusCode(200)
                .body("status", equalTo("DECIDED")).body("outcome", equalTo("CHANGED")).body("newForm", equalTo("EXPULSION"));
        given().header("Authorization", bearer(PROVINCE, "viewer")).get(APPEALS + "/" + id + "/history").then().statusCode(200)
                .body("steps.action", contains("FILE", "INVESTIGATE", "TRANSFER_UP", "DECIDE"));
        List<JsonNode> events = TopicWatcher.eventsFor(Topics.COMPLAINTS, id, e -> e.stream()
                .anyMatch(x -> x.path("type").asText().equals(EventTypes.APPEAL_DECIDED)), Duration.ofSeconds(30));
        JsonNode decided = events.stream().filter(x -> x.path("type").asText().equals(EventTypes.APPEAL_DECIDED)).findFirst().orElseThrow();
        assertEquals(PROVINCE.toString(), decided.path("data").path("decidingUnitId").asText());
        assertEquals("STANDING_COMMITTEE", decided.path("data").path("decidingBody").asText());
        assertEquals(1, events.stream().filter(x -> x.path("type").asText().equals(EventTypes.APPEAL_DECIDED)).count());
    }

    @Test
    void anInadmissibleAppealIsRecordedWithEveryReasonAndNotAnnounced() throws Exception {
        UUID caseId = decision(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1));
        Map<String, Object> late = filing(caseId, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 6));
        late.put("filedBySubject", false);
        late.remove("decisionReceivedOn");
        String id = file(bearer(WARD, "intake"), late).statusCode(201).body("status", equalTo("REJECTED"))
                .body("rejectionReasons", contains("LATE", "ON_BEHALF", "DECISION_NOT_RECEIVED")).body("dueOn", nullValue())
                .extract().path("id");
        String accepted = file(bearer(WARD, "intake"), filing(caseId, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 23))).statusCode(201)
                .body("status", equalTo("ACCEPTED")).extract().path("id");
        file(bearer(WARD, "intake"), filing(caseId, LocalDate.of(2026, 3, 21), LocalDate.of(2026, 3, 24))).statusCode(201)
                .body("status", equalTo("REJECTED")).body("rejectionReasons", contains("PENDING_ELSEWHERE"));
        // accepted, and open past its deadline (23/3 + 90 working days): announced filed, then overdue, once
        List<JsonNode> events = TopicWatcher.eventsFor(Topics.COMPLAINTS, accepted, e -> e.size() >= 2, Duration.ofSeconds(30));
        assertEquals(List.of(EventTypes.APPEAL_FILED, EventTypes.APPEAL_OVERDUE), events.stream().map(e -> e.path("type").asText()).toList());
        assertEquals("ACCEPTED", events.get(1).path("data").path("status").asText());
        assertEquals(2, TopicWatcher.eventsFor(Topics.COMPLAINTS, accepted, e -> false, Duration.ofSeconds(3)).size());
        assertEquals(0, TopicWatcher.eventsFor(Topics.COMPLAINTS, id, e -> false, Duration.ofSeconds(2)).size());
        step(bearer(WARD, "officer"), id, 1, "notify", Map.of("on", "2026-04-10", "summary", "Thông báo không thụ lý")).statusCode(200)
                .body("status", equalTo("REJECTED")).body("notifiedOn", equalTo("2026-04-10"));
    }

    @Test
    void anAppealFiledBeforeTheWrittenDecisionReachedTheAppellantIsRejected() throws Exception {
        UUID caseId = decision(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1));
        // posted on the day of the announcement, the day before the written decision was received (3/3)
        file(bearer(WARD, "intake"), filing(caseId, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 5))).statusCode(201)
                .body("status", equalTo("REJECTED")).body("rejectionReasons", contains("DECISION_NOT_RECEIVED"));
        // received before it was announced: impossible data, not a ground
        Map<String, Object> early = filing(caseId, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10));
        early.put("decisionReceivedOn", "2026-03-01");
        file(bearer(WARD, "intake"), early).statusCode(422).body("errors[0].field", equalTo("decisionReceivedOn"))
                .body("errors[0].rule", equalTo("date-order"));
    }

    @Test
    void withoutTheWindowsEndOnlyAFilingInTheCoveredYearsAfterTheAnnouncementIsJudged() throws Exception {
        // the calendar covers 2025 and 2026: the window of a decision announced in 2024 could not be counted
        UUID old = decision(LocalDate.of(2024, 12, 16), null);
        Map<String, Object> sameYear = filing(old, LocalDate.of(2024, 12, 20), LocalDate.of(2024, 12, 23));
        sameYear.put("decisionReceivedOn", "2024-12-17");
        file(bearer(WARD, "intake"), sameYear).statusCode(422).body("errors[0].field", equalTo("postmarkedOn"))
                .body("errors[0].rule", equalTo("calendar-covers-year"));
        // filed in a covered year, but the window may have ended in 2024
        Map<String, Object> nextYear = filing(old, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 8));
        nextYear.put("decisionReceivedOn", "2024-12-17");
        file(bearer(WARD, "intake"), nextYear).statusCode(422).body("errors[0].rule", equalTo("calendar-covers-year"));
        assertEquals(0, count("SELECT count(*) FROM appeal WHERE case_id = '" + old + "'"));
        // a window counted from November 2026 that did not end within 2026 ends after every covered day
        UUID recent = decision(LocalDate.of(2026, 11, 2), null);
        Map<String, Object> covered = filing(recent, LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 12));
        covered.put("decisionReceivedOn", "2026-11-03");
        file(bearer(WARD, "intake"), covered).statusCode(201).body("status", equalTo("ACCEPTED"))
                .body("rejectionReasons", empty());
    }

    @Test
    void theStatisticsCountTheAppealsByTheirReceipt() throws Exception {
        List<Map<String, Object>> before = given().header("Authorization", bearer(WARD, "viewer")).get(APPEALS + "/statistics?year=2026")
                .then().statusCode(200).extract().path("rows");
        UUID caseId = decision(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1));
        Map<String, Object> late = filing(caseId, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 6));
        file(bearer(WARD, "intake"), late).statusCode(201).body("status", equalTo("REJECTED"));
        List<Map<String, Object>> after = given().header("Authorization", bearer(WARD, "viewer")).get(APPEALS + "/statistics?year=2026")
                .then().statusCode(200).extract().path("rows");
        assertEquals(8, after.size());
        assertEquals(count(before, "RECEIVED") + 1, count(after, "RECEIVED"));
        assertEquals(count(before, "REJECTED") + 1, count(after, "REJECTED"));
        assertEquals(count(before, "ACCEPTED"), count(after, "ACCEPTED"));
    }

    private static long count(List<Map<String, Object>> rows, String code) {
        return rows.stream().filter(r -> code.equals(r.get("code"))).map(r -> ((Number) r.get("count")).longValue()).findFirst().orElseThrow();
    }

    @Test
    void callersSeeTheirSubtreeAndUnknownDecisionsAreRefused() throws Exception {
        UUID caseId = decision(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1));
        given().get(APPEALS).then().statusCode(401);
        file(bearer(WARD, "viewer"), filing(caseId, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10))).statusCode(403);
        file(bearer(OTHER_WARD, "intake"), filing(caseId, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10))).statusCode(422)
                .body("errors[0].rule", equalTo("decision-known"));
        file(bearer(WARD, "intake"), filing(UUID.randomUUID(), LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10))).statusCode(422)
                .body("errors[0].field", equalTo("caseId"));
        Map<String, Object> undated = filing(caseId, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10));
        undated.remove("postmarkedOn");
        file(bearer(WARD, "intake"), undated).statusCode(422).body("errors[0].rule", equalTo("filing-date"));
        String id = file(bearer(WARD, "intake"), filing(caseId, LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10))).statusCode(201)
                .extract().path("id");
        given().header("Authorization", bearer(OTHER_WARD, "viewer")).get(APPEALS + "/" + id).then().statusCode(404);
        given().header("Authorization", bearer(PROVINCE, "viewer")).get(APPEALS + "/" + id).then().statusCode(200);
        given().header("Authorization", bearer(WARD, "officer")).contentType(ContentType.JSON).body(Map.of("on", "2026-03-20"))
                .post(APPEALS + "/" + id + "/investigate").then().statusCode(428);
        step(bearer(WARD, "officer"), id, 5, "investigate", Map.of("on", "2026-03-20")).statusCode(412);
    }

    private UUID decision(LocalDate announced, LocalDate windowEnds) throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        try (DirectoryEvents e = new DirectoryEvents()) {
            e.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(member, CELL, "Trần Thị Lụa", 1)));
        }
        DisciplineDecided d = new DisciplineDecided(caseId, "MEMBER", member, CELL, CELL, "CELL", "WARNING", "05-QĐ/CB",
                announced, announced, announced.plusMonths(12), windowEnds, "DISCIPLINE-QD296-2025", null,
                new Origin("INSPECTION", UUID.randomUUID()));
        try (DirectoryEvents e = new DirectoryEvents()) {
            e.publish(Topics.DISCIPLINE, DirectoryEvents.event("/ktgs/discipline-service", EventTypes.DISCIPLINE_DECIDED, caseId,
                    EventJson.mapper().valueToTree(d)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM decision_copy WHERE case_id = '" + caseId + "'")
                + count("SELECT count(*) FROM kit_member_copy WHERE id = '" + member + "'") == 2);
        return caseId;
    }

    private static Map<String, Object> filing(UUID caseId, LocalDate postmarked, LocalDate received) {
        Map<String, Object> f = new HashMap<>();
        f.put("caseId", caseId.toString());
        f.put("appellantName", "Trần Thị Lụa");
        f.put("filedBySubject", true);
        f.put("decisionReceivedOn", "2026-03-03");
        f.put("postmarkedOn", postmarked.toString());
        f.put("receivedOn", received.toString());
        f.put("content", "Đề nghị xem xét lại hình thức kỷ luật cảnh cáo");
        return f;
    }

    private static Map<String, Object> decision(String outcome, String newForm) {
        Map<String, Object> d = new HashMap<>();
        d.put("outcome", outcome);
        d.put("decisionNumber", "12-QĐ/UBKT");
        d.put("on", "2026-06-01");
        if (newForm != null) {
            d.put("newForm", newForm);
        }
        return d;
    }

    static ValidatableResponse file(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post(APPEALS).then();
    }

    static ValidatableResponse step(String token, String id, long version, String action, Object body) {
        return given().header("Authorization", token).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(body).post(APPEALS + "/" + id + "/" + action).then();
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery(sql);
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode json(ConsumerRecord<String, String> r) {
        try {
            return EventJson.mapper().readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
