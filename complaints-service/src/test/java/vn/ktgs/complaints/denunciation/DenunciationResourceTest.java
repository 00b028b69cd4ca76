package vn.ktgs.complaints.denunciation;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.ktgs.kit.crypto.FieldCipher;
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
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.RecordContract;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.contract.TopicWatcher;
import vn.ktgs.kit.membercopy.DirectoryEvents;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.ktgs.kit.contract.TestTokens.bearer;
import static vn.ktgs.kit.contract.TestTokens.bearerAs;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "complaints"))
class DenunciationResourceTest {
    static final String DENUNCIATIONS = "/api/v1/denunciations";
    static final String DENOUNCER = "Phạm Thị Hương";
    static final String PHONE = "0912345678";
    private static final UUID PROVINCE = UUID.randomUUID();
    private static final UUID WARD = UUID.randomUUID();
    private static final UUID OTHER_WARD = UUID.randomUUID();
    private static final UUID CELL = UUID.randomUUID();
    private static final UUID ACCUSED = UUID.randomUUID();
    /** a cadre of the ward managed by the province (diện tỉnh quản lý) */
    private static final UUID PROVINCE_CADRE = UUID.randomUUID();
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
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(ACCUSED, CELL, "Nguyễn Văn Hùng", 1)));
            var cadre = DirectoryEvents.member(PROVINCE_CADRE, CELL, "Lê Văn Quang", 1);
            d.publish(DirectoryEvents.memberEvent(new vn.ktgs.events.MemberUpserted(cadre.id(), cadre.cardNumber(), cadre.fullName(), CELL,
                    "OFFICIAL", cadre.statusSince(), List.of(), "Chủ tịch UBND phường", PROVINCE, false, 1, cadre.changedAt())));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM kit_org_unit_copy WHERE id IN ('"
                + PROVINCE + "','" + WARD + "','" + OTHER_WARD + "','" + CELL + "')") == 4
                && count("SELECT count(*) FROM kit_member_copy WHERE id IN ('" + ACCUSED + "','" + PROVINCE_CADRE + "')") == 2);
        tree = true;
    }

    @Test
    void aFoundedDenunciationIsConcludedAndItsDenouncerNeverLeavesTheSealedRecord() throws Exception {
        String intake = bearer(WARD, "intake");
        String id = receive(intake, letter(List.of(Map.of("fullName", DENOUNCER, "address", "Tổ 5, phường Quang Trung", "phone", PHONE))))
                .statusCode(201).body("status", equalTo("RECEIVED")).body("denouncerCount", equalTo(1)).body("anonymous", equalTo(false))
                .body("accused[0].name", equalTo("Nguyễn Văn Hùng")).body(not(containsString(DENOUNCER))).body(not(containsString(PHONE)))
                .extract().path("id");
        // the identity is sealed at rest
        assertEquals(0, count("SELECT count(*) FROM denunciation WHERE id = '" + id + "' AND position(convert_to('" + DENOUNCER
                + "', 'UTF8') in denouncers_sealed) > 0"));

        // intake of the handling unit reads it, audited; an officer is refused, audited; another unit sees nothing
        given().header("Authorization", intake).get(DENUNCIATIONS + "/" + id + "/denouncers").then().statusCode(200)
                .body("fullName", contains(DENOUNCER)).body("phone", contains(PHONE));
        given().header("Authorization", bearer(WARD, "officer")).get(DENUNCIATIONS + "/" + id + "/denouncers").then().statusCode(403)
                .body(not(containsString(DENOUNCER)));
        given().header("Authorization", bearer(OTHER_WARD, "intake")).get(DENUNCIATIONS + "/" + id + "/denouncers").then().statusCode(404);
        given().header("Authorization", bearer(PROVINCE, "intake")).get(DENUNCIATIONS + "/" + id + "/denouncers").then().statusCode(403);
        assertEquals(1, count("SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND action = 'denunciation.identity-read'"));
        assertEquals(2, count("SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND action = 'denunciation.identity-refused'"));
        assertEquals(0, count("SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND details::text LIKE '%" + PHONE + "%'"));

        step(bearer(WARD, "officer"), id, 1, "screen", Map.of("on", "2026-11-10")).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("notHandledReasons", org.hamcrest.Matchers.empty());
        step(bearer(WARD, "officer"), id, 2, "conclude", Map.of("outcome", "UNFOUNDED", "on", "2026-11-20", "conclusion", "x"))
                .statusCode(409);
        step(bearer(WARD, "officer"), id, 2, "team", Map.of("on", "2026-11-11", "members", List.of(Map.of("subject", "to-truong")))).statusCode(200)
                .body("status", equalTo("HANDLING")).body("teamSize", equalTo(1));
        Map<String, Object> conclusion = Map.of("outcome", "PARTLY_FOUNDED", "on", "2026-11-20", "conclusion", "Tố cáo đúng một phần",
                "findings", List.of(Map.of("accused", 0, "warrantsDiscipline", true, "violations", List.of(Map.of("act",
                        "Sử dụng tài sản công vào việc riêng", "article", "Điều 35", "actFrom", "2025-02-01", "actTo", "2025-08-01",
                        "continuing", false)))));
        step(bearer(WARD, "officer"), id, 3, "conclude", conclusion).statusCode(200).body("status", equalTo("CONCLUDED"))
                .body("outcome", equalTo("PARTLY_FOUNDED"));
        step(bearer(WARD, "officer"), id, 4, "notify-denouncer", Map.of("on", "2026-11-21")).statusCode(200)
                .body("status", equalTo("DENOUNCER_NOTIFIED"));

        List<ConsumerRecord<String, String>> records = TopicWatcher.recordsFor(Topics.COMPLAINTS, id, r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, records.size());
        JsonNode event = EventJson.mapper().readTree(records.get(0).value());
        assertEquals(EventTypes.DENUNCIATION_CONCLUDED, event.path("type").asText());
        assertEquals(ACCUSED.toString(), event.path("data").path("accused").path(0).path("memberId").asText());
        assertEquals("Điều 35", event.path("data").path("accused").path(0).path("violations").path(0).path("article").asText());
        assertFalse(records.get(0).value().contains(DENOUNCER) || records.get(0).value().contains(PHONE), records.get(0).value());
        Map<String, String> headers = new HashMap<>();
        records.get(0).headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        assertEquals(List.of(), RecordContract.violations(records.get(0).topic(), headers, records.get(0).key(), records.get(0).value()));
        given().header("Authorization", bearer(PROVINCE, "viewer")).get(DENUNCIATIONS + "?org=" + WARD).then().statusCode(200)
                .body(not(containsString(DENOUNCER))).body(not(containsString(PHONE)));
        given().header("Authorization", bearer(WARD, "viewer")).get(DENUNCIATIONS + "/" + id + "/history").then().statusCode(200)
                .body("steps.action", contains("RECEIVE", "SCREEN", "TEAM", "CONCLUDE", "NOTIFY")).body(not(containsString(DENOUNCER)));
        // nor is it in any line the service logged, this test's requests included
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/complaints-test.log"), StandardCharsets.UTF_8);
        assertFalse(log.isEmpty());
        assertFalse(log.contains(DENOUNCER) || log.contains(PHONE), "a denouncer's identity is in the log");
    }

    @Test
    void aLetterIsNotHandledForEveryReasonOfTheRulesAndAnAnonymousOneWithSpecificsBecomesALead() throws Exception {
        String intake = bearer(WARD, "intake");
        String two = receive(intake, letter(List.of(Map.of("fullName", "Người thứ nhất"), Map.of("fullName", "Người thứ hai"))))
                .statusCode(201).extract().path("id");
        step(intake, two, 1, "screen", Map.of("on", "2026-11-10", "noClearAddress", true, "repeatWithoutNewEvidence", true))
                .statusCode(200).body("status", equalTo("NOT_HANDLED"))
                .body("notHandledReasons", contains("NO_CLEAR_ADDRESS", "REPEAT_WITHOUT_NEW_EVIDENCE", "SIGNED_BY_SEVERAL"));
        Map<String, Object> copy = letter(List.of(Map.of("fullName", DENOUNCER)));
        copy.put("signedInPerson", false);
        copy.put("accused", List.of());
        String photocopy = receive(intake, copy).statusCode(201).extract().path("id");
        step(intake, photocopy, 1, "screen", Map.of("on", "2026-11-10", "impersonated", true, "noLegalCapacity", true, "noSpecificContent", true))
                .statusCode(200).body("notHandledReasons", contains("IMPERSONATED", "NO_SPECIFIC_CONTENT", "NOT_ABOUT_PARTY",
                        "NOT_SIGNED_IN_PERSON", "NO_LEGAL_CAPACITY"));
        String both = receive(intake, letter(List.of(Map.of("fullName", DENOUNCER)))).statusCode(201).extract().path("id");
        step(intake, both, 1, "screen", Map.of("on", "2026-11-10", "alsoAppeals", true)).statusCode(200)
                .body("status", equalTo("NOT_HANDLED")).body("notHandledReasons", contains("HANDLED_AS_APPEAL"));
        String anonymous = receive(intake, letter(List.of())).statusCode(201).body("anonymous", equalTo(true)).extract().path("id");
        step(intake, anonymous, 1, "screen", Map.of("on", "2026-11-10")).statusCode(200).body("notHandledReasons", contains("ANONYMOUS"));
        List<JsonNode> lead = TopicWatcher.eventsFor(Topics.COMPLAINTS, anonymous, e -> !e.isEmpty(), Duration.ofSeconds(30));
        assertEquals(EventTypes.DENUNCIATION_LEAD, lead.get(0).path("type").asText());
        assertEquals("Nguyễn Văn Hùng", lead.get(0).path("data").path("accused").path(0).path("name").asText());
        assertEquals(0, TopicWatcher.eventsFor(Topics.COMPLAINTS, two, e -> false, Duration.ofSeconds(2)).size());
        // screened once only
        step(intake, anonymous, 2, "screen", Map.of("on", "2026-11-11")).statusCode(409);
    }

    @Test
    void theTeamHasNoConflictReadsTheIdentityAndTheDeadlineIsExtendedOnceOrHandlingStopsOnWithdrawal() throws Exception {
        UUID denouncerMember = UUID.randomUUID();
        UUID denouncersSon = UUID.randomUUID();
        UUID accusedsWife = UUID.randomUUID();
        String intake = bearer(WARD, "intake");
        Map<String, Object> l = letter(List.of());
        l.put("denouncers", List.of(Map.of("fullName", DENOUNCER, "memberId", denouncerMember.toString(),
                "relatedMemberIds", List.of(denouncersSon.toString()))));
        l.put("accused", List.of(Map.of("type", "MEMBER", "memberId", ACCUSED.toString(), "relatedMemberIds", List.of(accusedsWife.toString()))));
        String id = receive(intake, l).statusCode(201).body(not(containsString(denouncersSon.toString()))).extract().path("id");
        step(intake, id, 1, "screen", Map.of("on", "2026-11-10")).statusCode(200).body("status", equalTo("ACCEPTED"));
        // neither the accused nor the denouncer, nor anyone related to them, may handle it; the error does not say which
        step(intake, id, 2, "team", Map.of("on", "2026-11-11", "members", List.of(Map.of("subject", "a", "memberId", ACCUSED.toString()),
                Map.of("subject", "b", "memberId", denouncerMember.toString()), Map.of("subject", "c", "memberId", denouncersSon.toString()),
                Map.of("subject", "d", "memberId", accusedsWife.toString()), Map.of("subject", "e", "memberId", UUID.randomUUID().toString()))))
                .statusCode(422).body("errors.rule", contains("conflict-of-interest", "conflict-of-interest", "conflict-of-interest",
                        "conflict-of-interest")).body("errors.field", contains("members[0].memberId", "members[1].memberId",
                        "members[2].memberId", "members[3].memberId")).body(not(containsString(DENOUNCER)));
        assertEquals(0, count("SELECT count(*) FROM denunciation WHERE id = '" + id + "' AND team_member_ids IS NOT NULL"
                + " AND cardinality(team_member_ids) > 0"));
        step(intake, id, 2, "team", Map.of("on", "2026-11-11", "members", List.of(Map.of("subject", "to-truong-b")))).statusCode(200);
        // the named team member reads the identity; another officer of the unit does not
        given().header("Authorization", bearerAs("to-truong-b", WARD, "officer")).get(DENUNCIATIONS + "/" + id + "/denouncers").then()
                .statusCode(200).body("fullName", contains(DENOUNCER));
        given().header("Authorization", bearerAs("someone-else", WARD, "officer")).get(DENUNCIATIONS + "/" + id + "/denouncers").then()
                .statusCode(403);
        step(intake, id, 3, "explanation", Map.of("on", "2026-11-12", "summary", "Người bị tố cáo giải trình")).statusCode(200)
                .body("status", equalTo("EXPLAINED"));
        step(intake, id, 4, "verification", Map.of("on", "2026-11-13")).statusCode(200).body("status", equalTo("VERIFYING"));
        step(intake, id, 5, "extend", Map.of("on", "2026-11-14", "workingDays", 31, "noticeToDenouncer", "Thông báo số 3")).statusCode(422)
                .body("errors.rule", org.hamcrest.Matchers.hasItem("extension-max"));
        // a coerced withdrawal is recorded and handling goes on; a free one stops it
        step(intake, id, 5, "withdraw", Map.of("on", "2026-11-15", "coerced", true)).statusCode(200).body("status", equalTo("VERIFYING"))
                .body("withdrawalCoerced", equalTo(true));
        step(intake, id, 6, "withdraw", Map.of("on", "2026-11-16", "coerced", false)).statusCode(200).body("status", equalTo("WITHDRAWN"));
        step(intake, id, 7, "verification", Map.of("on", "2026-11-17")).statusCode(409);
    }

    @Test
    void theDeadlineRunsInWorkingDaysFromTheCompetentBodysReceiptAndIsExtendedOnce() throws Exception {
        String intake = bearer(WARD, "intake");
        Map<String, Object> early = letter(List.of(Map.of("fullName", DENOUNCER)));
        early.put("receivedOn", "2026-01-05");
        early.put("postmarkedOn", "2026-01-02");
        early.put("receivedByCompetentOn", "2026-01-07");
        String id = receive(intake, early).statusCode(201).extract().path("id");
        // 90 working days after 7/1/2026: Saturday 10/1 is worked, Tết 16-20/2 is not, nor 27/4, 30/4, 1/5
        step(intake, id, 1, "screen", Map.of("on", "2026-01-08")).statusCode(200).body("dueOn", equalTo("2026-05-22"))
                .body("overdue", equalTo(true));
        step(intake, id, 2, "extend", Map.of("on", "2026-05-20", "workingDays", 30, "noticeToDenouncer", "Thông báo gia hạn số 5"))
                .statusCode(200).body("dueOn", equalTo("2026-07-03")).body("extendedBy", equalTo(30));
        step(intake, id, 3, "extend", Map.of("on", "2026-05-21", "workingDays", 5, "noticeToDenouncer", "x")).statusCode(422)
                .body("errors[0].rule", equalTo("extended-once"));
        given().header("Authorization", bearer(WARD, "viewer")).get(DENUNCIATIONS + "?overdue=true").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        List<JsonNode> late = TopicWatcher.eventsFor(Topics.COMPLAINTS, id, e -> !e.isEmpty(), Duration.ofSeconds(30));
        assertEquals(EventTypes.DENUNCIATION_OVERDUE, late.get(0).path("type").asText());
        assertFalse(late.toString().contains(DENOUNCER));
    }

    @Test
    void aNoticeToTheDenouncerAndTheirWithdrawalReasonsStayOutOfTheHistoryAndOnlyTheTeamReadsThem() throws Exception {
        String intake = bearer(WARD, "intake");
        Map<String, Object> early = letter(List.of(Map.of("fullName", DENOUNCER, "address", "Tổ 5, phường Quang Trung")));
        early.put("receivedOn", "2026-01-05");
        early.put("receivedByCompetentOn", "2026-01-07");
        String id = receive(intake, early).statusCode(201).extract().path("id");
        step(intake, id, 1, "screen", Map.of("on", "2026-01-08")).statusCode(200).body("status", equalTo("ACCEPTED"));
        step(intake, id, 2, "team", Map.of("on", "2026-01-09", "members", List.of(Map.of("subject", "to-truong-n")))).statusCode(200);
        String notice = "Kính gửi bà " + DENOUNCER + ", Tổ 5, phường Quang Trung: thời hạn giải quyết được gia hạn";
        String reasons = "Bà " + DENOUNCER + " cho biết bị người nhà của người bị tố cáo đe dọa";
        step(intake, id, 3, "extend", Map.of("on", "2026-05-20", "workingDays", 30, "noticeToDenouncer", notice)).statusCode(200)
                .body(not(containsString(DENOUNCER)));
        step(intake, id, 4, "withdraw", Map.of("on", "2026-05-21", "coerced", true, "summary", reasons)).statusCode(200)
                .body("status", equalTo("HANDLING"));

        // the history goes to any viewer of the unit or above it, who is not the handling team: neutral words only
        for (String viewer : List.of(bearer(WARD, "viewer"), bearer(PROVINCE, "viewer"))) {
            String history = given().header("Authorization", viewer).get(DENUNCIATIONS + "/" + id + "/history").then().statusCode(200)
                    .body("steps.action", contains("RECEIVE", "SCREEN", "TEAM", "EXTEND", "WITHDRAW"))
                    .body("steps[3].summary", equalTo("Gia hạn 30 ngày làm việc đến 2026-07-03; đã thông báo cho người tố cáo ngày 2026-05-20"))
                    .extract().asString();
            assertFalse(history.contains(DENOUNCER) || history.contains("Tổ 5") || history.contains("người nhà"), history);
        }
        assertEquals(0, count("SELECT count(*) FROM denunciation_step WHERE denunciation_id = '" + id + "' AND (summary LIKE '%"
                + DENOUNCER + "%' OR position(convert_to('" + DENOUNCER + "', 'UTF8') in denouncer_note_sealed) > 0)"));

        // the team reads them as it reads the identity, audited; another officer of the unit is refused, audited
        given().header("Authorization", bearerAs("to-truong-n", WARD, "officer")).get(DENUNCIATIONS + "/" + id + "/denouncer-notes").then()
                .statusCode(200).body("action", contains("EXTEND", "WITHDRAW")).body("on", contains("2026-05-20", "2026-05-21"))
                .body("note", contains(notice, reasons));
        given().header("Authorization", bearerAs("someone-else", WARD, "officer")).get(DENUNCIATIONS + "/" + id + "/denouncer-notes").then()
                .statusCode(403).body(not(containsString(DENOUNCER)));
        given().header("Authorization", bearer(PROVINCE, "viewer")).get(DENUNCIATIONS + "/" + id + "/denouncer-notes").then().statusCode(403);
        assertEquals(1, count("SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND action = 'denunciation.identity-read'"));
        assertEquals(2, count("SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND action = 'denunciation.identity-refused'"));
        assertEquals(0, count("SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND details::text LIKE '%" + DENOUNCER + "%'"));
    }

    @Test
    void aDenouncerMayWithdrawBeforeTheScreeningAndACoercedWithdrawalThenKeepsItGoing() throws Exception {
        Map<String, Long> before = statistics();
        String intake = bearer(WARD, "intake");
        String id = receive(intake, letter(List.of(Map.of("fullName", DENOUNCER)))).statusCode(201).extract().path("id");
        step(intake, id, 1, "withdraw", Map.of("on", "2026-11-05", "coerced", false)).statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnOn", equalTo("2026-11-05")).body("withdrawalCoerced", equalTo(false));
        given().header("Authorization", bearer(WARD, "viewer")).get(DENUNCIATIONS + "/" + id + "/history").then().statusCode(200)
                .body("steps.action", contains("RECEIVE", "WITHDRAW")).body("steps[1].fromStatus", equalTo("RECEIVED"))
                .body("steps[1].toStatus", equalTo("WITHDRAWN"));
        assertEquals(1, count("SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND action = 'denunciation.withdraw'"));
        step(intake, id, 2, "screen", Map.of("on", "2026-11-06")).statusCode(409).body("errors[0].rule", equalTo("transition-allowed"));
        // withdrawn before the screening: counted as withdrawn, never as eligible
        Map<String, Long> after = statistics();
        assertEquals(before.get("WITHDRAWN") + 1, after.get("WITHDRAWN"));
        assertEquals(before.get("ELIGIBLE"), after.get("ELIGIBLE"));

        String coerced = receive(intake, letter(List.of(Map.of("fullName", DENOUNCER)))).statusCode(201).extract().path("id");
        step(intake, coerced, 1, "withdraw", Map.of("on", "2026-11-05", "coerced", true)).statusCode(200)
                .body("status", equalTo("RECEIVED")).body("withdrawalCoerced", equalTo(true));
        given().header("Authorization", bearer(WARD, "viewer")).get(DENUNCIATIONS + "/" + coerced + "/history").then().statusCode(200)
                .body("steps.action", contains("RECEIVE", "WITHDRAW")).body("steps[1].toStatus", equalTo("RECEIVED"));
        step(intake, coerced, 2, "screen", Map.of("on", "2026-11-06")).statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void afterAKeyRotationTheIdentitySealedUnderTheOldKeyIsSealedAgainUnderTheNewOneAndStillReadable() throws Exception {
        String intake = bearer(WARD, "intake");
        String id = receive(intake, letter(List.of(Map.of("fullName", DENOUNCER, "phone", PHONE)))).statusCode(201).extract().path("id");
        // as stored before the rotation: the same identity sealed under the key that is now the previous one
        FieldCipher now = new FieldCipher(ConfigProvider.getConfig().getValue("ktgs.kit.crypto.key", String.class));
        String previousKey = ConfigProvider.getConfig().getValue("ktgs.kit.crypto.previous-keys", String.class);
        FieldCipher before = new FieldCipher(previousKey);
        try (Connection c = db.getConnection(); var read = c.prepareStatement("SELECT denouncers_sealed FROM denunciation WHERE id = ?::uuid");
             var write = c.prepareStatement("UPDATE denunciation SET denouncers_sealed = ? WHERE id = ?::uuid")) {
            read.setString(1, id);
            var rs = read.executeQuery();
            rs.next();
            write.setBytes(1, before.seal(now.open(rs.getBytes(1), Denunciations.PURPOSE), Denunciations.PURPOSE));
            write.setString(2, id);
            assertEquals(1, write.executeUpdate());
        }
        String prefix = java.util.HexFormat.of().formatHex(now.currentPrefix());
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM denunciation WHERE id = '" + id
                + "' AND encode(substring(denouncers_sealed from 1 for 5), 'hex') = '" + prefix + "'") == 1);
        given().header("Authorization", intake).get(DENUNCIATIONS + "/" + id + "/denouncers").then().statusCode(200)
                .body("fullName", contains(DENOUNCER)).body("phone", contains(PHONE));
        assertEquals(0, count("SELECT count(*) FROM denunciation WHERE denouncers_sealed IS NOT NULL"
                + " AND encode(substring(denouncers_sealed from 1 for 5), 'hex') <> '" + prefix + "'"));
    }

    @Test
    void aLetterAboutACadreTheProvinceManagesGoesToTheProvinceAndItsClockStartsThere() throws Exception {
        Map<String, Object> l = letter(List.of(Map.of("fullName", DENOUNCER)));
        l.put("accused", List.of(Map.of("type", "MEMBER", "memberId", PROVINCE_CADRE.toString())));
        String id = receive(bearer(WARD, "intake"), l).statusCode(201).body("competentUnitId", equalTo(PROVINCE.toString()))
                .body("competent", equalTo(false)).extract().path("id");
        step(bearer(WARD, "intake"), id, 1, "transfer", Map.of("toUnitId", PROVINCE.toString(), "handlingBody", "INSPECTION_COMMISSION",
                "receivedByCompetentOn", "2026-11-09")).statusCode(200).body("handlingUnitId", equalTo(PROVINCE.toString()))
                .body(not(containsString(DENOUNCER)));
        given().header("Authorization", bearer(WARD, "intake")).get(DENUNCIATIONS + "/" + id).then().statusCode(404);
        given().header("Authorization", bearer(PROVINCE, "intake")).get(DENUNCIATIONS + "/" + id).then().statusCode(200)
                .body("competent", equalTo(true)).body("receivedByCompetentOn", equalTo("2026-11-09"))
                .body("handlingBody", equalTo("INSPECTION_COMMISSION"));
        given().header("Authorization", bearer(PROVINCE, "intake")).get(DENUNCIATIONS + "/" + id + "/denouncers").then().statusCode(200)
                .body("fullName", contains(DENOUNCER));
        step(bearer(PROVINCE, "intake"), id, 2, "screen", Map.of("on", "2026-11-10")).statusCode(200).body("status", equalTo("ACCEPTED"));
        step(bearer(PROVINCE, "intake"), id, 3, "transfer", Map.of("toUnitId", WARD.toString(), "handlingBody", "COMMITTEE",
                "receivedByCompetentOn", "2026-11-11")).statusCode(409);
    }

    @Test
    void theStatisticsCountTheRecordsWithEveryRowPresent() throws Exception {
        Map<String, Long> before = statistics();
        String intake = bearer(WARD, "intake");
        String id = receive(intake, letter(List.of())).statusCode(201).extract().path("id");
        step(intake, id, 1, "screen", Map.of("on", "2026-11-10")).statusCode(200);
        Map<String, Long> after = statistics();
        assertEquals(List.of("RECEIVED", "ELIGIBLE", "NOT_HANDLED", "RESOLVED", "OVERDUE", "WITHDRAWN", "FOUNDED", "PARTLY_FOUNDED",
                "UNFOUNDED"), List.copyOf(after.keySet()));
        assertEquals(before.get("RECEIVED") + 1, after.get("RECEIVED"));
        assertEquals(before.get("NOT_HANDLED") + 1, after.get("NOT_HANDLED"));
        assertEquals(before.get("ELIGIBLE"), after.get("ELIGIBLE"));
        String csv = given().header("Authorization", bearer(WARD, "viewer")).get(DENUNCIATIONS + "/statistics?year=2026&format=csv")
                .then().statusCode(200).extract().asString();
        assertEquals("code,labelVi,count", csv.lines().findFirst().orElseThrow());
        given().header("Authorization", bearer(OTHER_WARD, "viewer")).get(DENUNCIATIONS + "/statistics?org=" + WARD + "&year=2026")
                .then().statusCode(404);
    }

    private Map<String, Long> statistics() {
        List<Map<String, Object>> rows = given().header("Authorization", bearer(WARD, "viewer")).get(DENUNCIATIONS + "/statistics?year=2026")
                .then().statusCode(200).extract().path("rows");
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        rows.forEach(r -> out.put((String) r.get("code"), ((Number) r.get("count")).longValue()));
        return out;
    }

    @Test
    void intakeIsForTheIntakeRoleAndBadInputChangesNothing() throws Exception {
        long before = count("SELECT count(*) FROM denunciation");
        given().get(DENUNCIATIONS).then().statusCode(401);
        receive(bearer(WARD, "officer"), letter(List.of())).statusCode(403);
        Map<String, Object> bad = letter(List.of());
        bad.put("receivedByCompetentOn", "2026-10-01");
        bad.put("accused", List.of(Map.of("type", "MEMBER", "memberId", UUID.randomUUID().toString())));
        receive(bearer(WARD, "intake"), bad).statusCode(422).body("errors.rule", org.hamcrest.Matchers.hasItems("date-order", "member-exists"));
        Map<String, Object> bidi = letter(List.of(Map.of("fullName", "Tên\u202Egiả")));
        receive(bearer(WARD, "intake"), bidi).statusCode(400);
        assertEquals(before, count("SELECT count(*) FROM denunciation"));
    }

    private static Map<String, Object> letter(List<Map<String, String>> denouncers) {
        Map<String, Object> l = new HashMap<>();
        l.put("handlingBody", "INSPECTION_COMMISSION");
        l.put("channel", "POST");
        l.put("receivedOn", "2026-11-03");
        l.put("postmarkedOn", "2026-11-01");
        l.put("receivedByCompetentOn", "2026-11-03");
        l.put("denouncers", denouncers);
        l.put("signedInPerson", true);
        l.put("content", "Đồng chí Nguyễn Văn Hùng sử dụng xe công vào việc riêng nhiều lần trong năm 2025");
        l.put("evidence", List.of("Ảnh chụp xe biển số 38A-123.45"));
        l.put("accused", List.of(Map.of("type", "MEMBER", "memberId", ACCUSED.toString())));
        return l;
    }

    static ValidatableResponse receive(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post(DENUNCIATIONS).then();
    }

    static ValidatableResponse step(String token, String id, long version, String action, Object body) {
        return given().header("Authorization", token).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(body).post(DENUNCIATIONS + "/" + id + "/" + action).then();
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery(sql);
            rs.next();
            return rs.getLong(1);
        }
    }
}
