package vn.ktgs.planning.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.DevstackTestResource;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.RecordContract;
import vn.ktgs.events.Topics;
import vn.ktgs.planning.Sql;
import vn.ktgs.planning.TestTree;
import vn.ktgs.kit.contract.TopicWatcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.ktgs.kit.contract.TestTokens.bearer;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "planning"))
class MemberResourceTest {
    private static final String MEMBERS = "/api/v1/members";
    /** Sent with urlEncodingEnabled(false): the colon goes as it is, not as %3A (REST Assured encodes it otherwise). */
    private static final String IMPORT = "/api/v1/members:import";

    @Inject
    AgroalDataSource db;

    private TestTree tree;
    private String wardAdmin;
    private String provinceAdmin;

    @BeforeEach
    void tree() {
        tree = new TestTree();
        wardAdmin = bearer(tree.ward, "admin");
        provinceAdmin = bearer(tree.province, "admin");
    }

    @Test
    void createsAMemberAndShowsTheCitizenIdInFullOnlyToAdmins() {
        String citizenId = citizenId();
        String masked = "********" + citizenId.substring(8);
        String id = given().header("Authorization", wardAdmin).contentType(ContentType.JSON)
                .body(member("1", citizenId, "Nguyễn Văn Hùng", tree.wardCell))
                .post(MEMBERS)
                .then().statusCode(201).header("Location", containsString(MEMBERS + "/")).header("ETag", "\"1\"")
                .body("cardNumber", equalTo(card("1"))).body("citizenId", equalTo(citizenId))
                .body("fullName", equalTo("Nguyễn Văn Hùng")).body("unitId", equalTo(tree.wardCell.toString()))
                .body("status", equalTo("OFFICIAL")).body("officialDate", equalTo("2012-03-01"))
                .body("committeePosts[0].body", equalTo("CELL_COMMITTEE")).body("managingUnitId", equalTo(tree.ward.toString()))
                .body("version", equalTo(1))
                .extract().path("id");

        given().header("Authorization", bearer(tree.ward, "officer")).get(MEMBERS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("citizenId", equalTo(masked)).body("fullName", equalTo("Nguyễn Văn Hùng"));
        given().header("Authorization", bearer(tree.province, "viewer")).get(MEMBERS + "/" + id)
                .then().statusCode(200).body("citizenId", equalTo(masked));
        given().header("Authorization", provinceAdmin).get(MEMBERS + "/" + id)
                .then().statusCode(200).body("citizenId", equalTo(citizenId));

        // sealed at rest: neither the digits nor their text are in the row; the history says only "changed"
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM member WHERE id = '" + id + "' AND (position(convert_to('" + citizenId
                + "', 'UTF8') IN citizen_id_sealed) > 0 OR citizen_id_index LIKE '%" + citizenId + "%')"));
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM member WHERE id = '" + id + "' AND full_name_folded = 'nguyen van hung'"));
        assertEquals("\"changed\"", Sql.string(db, "SELECT changes -> 'citizenId' FROM member_history WHERE member_id = '" + id + "'"));
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM kit_audit WHERE entity_id = '" + id + "' AND action = 'member.created'"));
    }

    @Test
    void searchIgnoresDiacriticsAndStaysInTheCallersSubtree() {
        create(wardAdmin, member("1", citizenId(), "Nguyễn Văn Hùng", tree.wardCell));
        create(wardAdmin, member("2", citizenId(), "Trần Thị Đào", tree.wardCell));
        String communeMember = create(provinceAdmin, member("3", citizenId(), "Nguyễn Văn Hưng", tree.communeCell));
        String provinceViewer = bearer(tree.province, "viewer");

        given().header("Authorization", provinceViewer).queryParam("q", "nguyen van hung").get(MEMBERS)
                .then().statusCode(200).body("totalItems", equalTo(2)).body("items.fullName", containsInAnyOrder("Nguyễn Văn Hùng", "Nguyễn Văn Hưng"))
                .body("items[0].citizenId", containsString("********"));
        given().header("Authorization", provinceViewer).queryParam("q", "DAO").get(MEMBERS)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].fullName", equalTo("Trần Thị Đào"));
        given().header("Authorization", provinceViewer).queryParam("q", card("3")).get(MEMBERS)
                .then().statusCode(200).body("items.id", contains(communeMember));
        // the ward sees its own subtree only; org= narrows, subtree=false keeps to the unit itself
        given().header("Authorization", bearer(tree.ward, "viewer")).queryParam("q", "nguyen").get(MEMBERS)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].fullName", equalTo("Nguyễn Văn Hùng"));
        given().header("Authorization", provinceViewer).queryParam("org", tree.ward.toString()).queryParam("subtree", "false").get(MEMBERS)
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().header("Authorization", provinceViewer).queryParam("org", tree.commune.toString()).queryParam("status", "OFFICIAL").get(MEMBERS)
                .then().statusCode(200).body("items.id", contains(communeMember));
        given().header("Authorization", bearer(tree.ward, "viewer")).queryParam("org", tree.commune.toString()).get(MEMBERS)
                .then().statusCode(404);
        given().header("Authorization", provinceViewer).queryParam("status", "ALIVE").get(MEMBERS)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void findsAMemberByCitizenIdThroughItsBlindIndex() {
        String citizenId = citizenId();
        String id = create(wardAdmin, member("1", citizenId, "Lê Văn Tám", tree.wardCell));
        given().header("Authorization", wardAdmin).queryParam("citizenId", citizenId).get(MEMBERS)
                .then().statusCode(200).body("items.id", contains(id)).body("items[0].citizenId", equalTo(citizenId));
        given().header("Authorization", wardAdmin).queryParam("citizenId", "12ab").get(MEMBERS)
                .then().statusCode(400).body("errors[0].field", equalTo("citizenId")).body("errors[0].rule", equalTo("citizen-id-format"));
    }

    @Test
    void refusesBadRecordsNamingFieldAndRule() {
        Map<String, Object> bad = member("1", "12345", "Phạm Văn Đồng", tree.wardCell);
        bad.put("admittedDate", "2999-01-01");
        bad.put("committeePosts", List.of(Map.of("unitId", tree.wardCell.toString(), "body", "UBKT", "post", "CHAIR")));
        bad.put("managingUnitId", tree.commune.toString());
        given().header("Authorization", wardAdmin).contentType(ContentType.JSON).body(bad).post(MEMBERS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("citizenId")).body("errors.rule", hasItem("citizen-id-format"))
                .body("errors.rule", hasItem("date-not-future")).body("errors.rule", hasItem("unit-has-ubkt"))
                .body("errors.rule", hasItem("managing-unit-above")).body("errors.rule", hasItem("official-after-admitted"))
                .body(not(containsString("java")));
        Map<String, Object> outside = member("1", citizenId(), "Phạm Văn Đồng", tree.communeCell);
        given().header("Authorization", wardAdmin).contentType(ContentType.JSON).body(outside).post(MEMBERS)
                .then().statusCode(422).body("errors[0].field", equalTo("unitId")).body("errors[0].rule", equalTo("unit-in-scope"));
        Map<String, Object> control = member("1", citizenId(), "Phạm\u202EVăn", tree.wardCell);
        given().header("Authorization", wardAdmin).contentType(ContentType.JSON).body(control).post(MEMBERS)
                .then().statusCode(400).body("errors[0].field", equalTo("fullName")).body("errors[0].rule", equalTo("text-characters"));
        given().header("Authorization", wardAdmin).contentType(ContentType.JSON).body(Map.of("fullName", "X")).post(MEMBERS)
                .then().statusCode(400).body("errors.field", hasItem("cardNumber")).body("errors.field", hasItem("citizenId"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM member WHERE card_number = '" + card("1") + "'"));
    }

    @Test
    void aDuplicateCardNumberOrCitizenIdIsAConflict() {
        String citizenId = citizenId();
        create(wardAdmin, member("1", citizenId, "Nguyễn Văn A", tree.wardCell));
        given().header("Authorization", provinceAdmin).contentType(ContentType.JSON)
                .body(member("1", citizenId(), "Nguyễn Văn B", tree.communeCell)).post(MEMBERS)
                .then().statusCode(409).body("errors[0].field", equalTo("cardNumber")).body("errors[0].rule", equalTo("card-number-unique"));
        given().header("Authorization", provinceAdmin).contentType(ContentType.JSON)
                .body(member("2", citizenId, "Nguyễn Văn B", tree.communeCell)).post(MEMBERS)
                .then().statusCode(409).body("errors[0].field", equalTo("citizenId")).body("errors[0].rule", equalTo("citizen-id-unique"));
        assertEquals(1, Sql.count(db, "SELECT count(*) FROM member WHERE card_number LIKE '" + card("") + "%'"));
    }

    @Test
    void scopeAndRolesDecideWhoSeesAndChanges() {
        String id = create(provinceAdmin, member("1", citizenId(), "Võ Thị Sáu", tree.communeCell));
        given().get(MEMBERS + "/" + id).then().statusCode(401);
        given().header("Authorization", bearer(tree.ward, "viewer")).get(MEMBERS + "/" + id).then().statusCode(404);
        given().header("Authorization", bearer(tree.ward, "viewer")).get(MEMBERS + "/" + id + "/history").then().statusCode(404);
        given().header("Authorization", bearer(tree.ward, "viewer")).get(MEMBERS + "/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", bearer(tree.commune, "officer")).contentType(ContentType.JSON)
                .body(member("2", citizenId(), "Võ Thị Sáu", tree.communeCell)).post(MEMBERS)
                .then().statusCode(403).body(not(containsString("java")));
        given().header("Authorization", wardAdmin).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(member("1", citizenId(), "Võ Thị Sáu", tree.communeCell)).put(MEMBERS + "/" + id)
                .then().statusCode(404);
        given().header("Authorization", provinceAdmin).contentType(ContentType.JSON)
                .body(member("1", citizenId(), "Võ Thị Sáu", tree.communeCell)).put(MEMBERS + "/" + id)
                .then().statusCode(428).body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", provinceAdmin).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body(member("1", citizenId(), "Võ Thị Sáu", tree.communeCell)).put(MEMBERS + "/" + id)
                .then().statusCode(412);
        assertEquals(1, Sql.count(db, "SELECT version FROM member WHERE id = '" + id + "'"));
    }

    @Test
    void updatesWithIfMatchAndKeepsWhatChangedInTheHistory() {
        String id = create(wardAdmin, member("1", citizenId(), "Hoàng Văn Thụ", tree.wardCell));
        Map<String, Object> changed = member("1", citizenId(), "Hoàng Văn Thụ", tree.wardCell);
        changed.put("status", "SUSPENDED");
        changed.put("statusSince", "2025-01-02");
        changed.put("statePosition", "Chủ tịch UBND phường");
        given().header("Authorization", wardAdmin).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(changed)
                .put(MEMBERS + "/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("SUSPENDED"))
                .body("statePosition", equalTo("Chủ tịch UBND phường"));
        // the same content again is no change: no new version, no history entry
        given().header("Authorization", wardAdmin).header("If-Match", "\"2\"").contentType(ContentType.JSON).body(changed)
                .put(MEMBERS + "/" + id).then().statusCode(200).header("ETag", "\"2\"");
        changed.put("unitId", tree.ward.toString());
        given().header("Authorization", wardAdmin).header("If-Match", "\"2\"").contentType(ContentType.JSON).body(changed)
                .put(MEMBERS + "/" + id).then().statusCode(422).body("errors[0].rule", equalTo("unit-changes-by-transfer"));
        given().header("Authorization", wardAdmin).get(MEMBERS + "/" + id + "/history")
                .then().statusCode(200).body("size()", equalTo(2)).body("action", contains("CREATED", "UPDATED"))
                .body("[1].version", equalTo(2)).body("[1].changes.status.from", equalTo("OFFICIAL"))
                .body("[1].changes.status.to", equalTo("SUSPENDED")).body("[1].changes.citizenId", equalTo("changed"))
                .body("[1].actor", containsString("admin")).body("[1].at", not(nullValue()));
    }

    @Test
    void aTransferMovesTheMemberKeepsTheOldUnitInHistoryAndIsAnnounced() throws Exception {
        String id = create(wardAdmin, member("1", citizenId(), "Nguyễn Thị Minh Khai", tree.wardCell));
        // the ward's admin cannot place the member outside its subtree
        given().header("Authorization", wardAdmin).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("toUnitId", tree.communeCell.toString())).post(MEMBERS + "/" + id + "/transfer")
                .then().statusCode(422).body("errors.field", hasItem("toUnitId")).body("errors.rule", hasItem("unit-in-scope"));
        // the cell committee seat of the old cell does not move with the member
        given().header("Authorization", provinceAdmin).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("toUnitId", tree.communeCell.toString())).post(MEMBERS + "/" + id + "/transfer")
                .then().statusCode(422).body("errors.field", hasItem("committeePosts[0].unitId"));
        Map<String, Object> noSeat = member("1", citizenId(), "Nguyễn Thị Minh Khai", tree.wardCell);
        noSeat.put("committeePosts", List.of());
        noSeat.remove("managingUnitId");
        given().header("Authorization", wardAdmin).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(noSeat)
                .put(MEMBERS + "/" + id).then().statusCode(200).header("ETag", "\"2\"");
        given().header("Authorization", provinceAdmin).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("toUnitId", tree.communeCell.toString(), "reason", "Chuyển sinh hoạt đảng"))
                .post(MEMBERS + "/" + id + "/transfer")
                .then().statusCode(200).header("ETag", "\"3\"").body("unitId", equalTo(tree.communeCell.toString()));
        given().header("Authorization", bearer(tree.ward, "viewer")).get(MEMBERS + "/" + id).then().statusCode(404);
        given().header("Authorization", bearer(tree.commune, "viewer")).get(MEMBERS + "/" + id + "/history")
                .then().statusCode(200).body("action", contains("CREATED", "UPDATED", "TRANSFERRED"))
                .body("[2].fromUnitId", equalTo(tree.wardCell.toString())).body("[2].toUnitId", equalTo(tree.communeCell.toString()))
                .body("[2].reason", equalTo("Chuyển sinh hoạt đảng")).body("[2].changes.unitId.from", equalTo(tree.wardCell.toString()));

        List<ConsumerRecord<String, String>> records = TopicWatcher.recordsFor(Topics.MEMBERS, id, l -> l.size() >= 3, Duration.ofSeconds(30));
        assertEquals(3, records.size());
        for (ConsumerRecord<String, String> r : records) {
            Map<String, String> headers = new HashMap<>();
            r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            assertEquals(List.of(), RecordContract.violations(Topics.MEMBERS, headers, r.key(), r.value()));
            assertFalse(r.value().contains("citizenId"), "a member event never carries the citizen ID");
        }
        JsonNode last = EventJson.mapper().readTree(records.get(2).value());
        assertEquals("vn.ktgs.member.upserted.v1", last.path("type").asText());
        assertEquals(3, last.path("data").path("version").asLong());
        assertEquals(tree.communeCell.toString(), last.path("data").path("unitId").asText());
        assertEquals(card("1"), last.path("data").path("cardNumber").asText());
    }

    @Test
    void aDeceasedMemberIsNotTransferred() {
        Map<String, Object> deceased = member("1", citizenId(), "Trần Văn Ơn", tree.wardCell);
        deceased.put("status", "DECEASED");
        deceased.put("statusSince", "2024-05-01");
        deceased.put("committeePosts", List.of());
        String id = create(wardAdmin, deceased);
        given().header("Authorization", wardAdmin).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("toUnitId", tree.ward.toString())).post(MEMBERS + "/" + id + "/transfer")
                .then().statusCode(409).body("errors[0].field", equalTo("status")).body("errors[0].rule", equalTo("transfer-allowed"));
        assertEquals(tree.wardCell.toString(), Sql.string(db, "SELECT unit_id FROM member WHERE id = '" + id + "'"));
    }

    @Test
    void importsAllOrNothingReportsEveryBadRowAndIsIdempotent() {
        String integration = bearer(tree.province, "integration");
        List<Map<String, Object>> rows = List.of(member("1", citizenId(), "Đặng Thùy Trâm", tree.wardCell),
                member("2", citizenId(), "Lý Tự Trọng", tree.communeCell), member("3", citizenId(), "Kim Đồng", tree.ward));
        String batch = ndjson(rows);
        given().urlEncodingEnabled(false).header("Authorization", integration).contentType("application/x-ndjson").body(bytes(batch)).post(IMPORT)
                .then().statusCode(200).body("rows", equalTo(3)).body("created", equalTo(3)).body("updated", equalTo(0))
                .body("unchanged", equalTo(0));
        String first = Sql.string(db, "SELECT id FROM member WHERE card_number = '" + card("1") + "'");
        assertEquals(3, Sql.count(db, "SELECT count(*) FROM member WHERE card_number LIKE '" + card("") + "%'"));
        long events = outboxCount();
        assertEquals(3, events);
        long history = Sql.count(db, "SELECT count(*) FROM member_history h JOIN member m ON m.id = h.member_id WHERE m.card_number LIKE '"
                + card("") + "%'");

        // the same batch again (as a JSON array this time): nothing changes, nothing is announced
        given().urlEncodingEnabled(false).header("Authorization", integration).contentType(ContentType.JSON).body(rows).post(IMPORT)
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(3));
        assertEquals(events, outboxCount());
        assertEquals(history, Sql.count(db, "SELECT count(*) FROM member_history h JOIN member m ON m.id = h.member_id"
                + " WHERE m.card_number LIKE '" + card("") + "%'"));

        // one good change and two bad rows: 422 naming each bad row, and the good change is not written either
        Map<String, Object> renamed = new HashMap<>(rows.get(0));
        renamed.put("fullName", "Đặng Thùy Trâm (liệt sĩ)");
        Map<String, Object> badCitizen = new HashMap<>(rows.get(1));
        badCitizen.put("citizenId", "0012");
        Map<String, Object> outside = member("4", citizenId(), "Người Ngoài", UUID.randomUUID());
        given().urlEncodingEnabled(false).header("Authorization", integration).contentType("application/x-ndjson")
                .body(bytes(ndjson(List.of(renamed, badCitizen, rows.get(2))) + "{not json}\n" + ndjson(List.of(outside)))).post(IMPORT)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("rows[2].citizenId", "rows[4].body", "rows[5].unitId"))
                .body("errors.rule", contains("citizen-id-format", "json", "unit-in-scope"))
                .body("detail", containsString("3 of 5 rows"));
        assertEquals("Đặng Thùy Trâm", Sql.string(db, "SELECT full_name FROM member WHERE id = '" + first + "'"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM member WHERE card_number = '" + card("4") + "'"));
        assertEquals(events, outboxCount());

        // the change alone goes through: one update, one event with version 2
        given().urlEncodingEnabled(false).header("Authorization", integration).contentType("application/x-ndjson").body(bytes(ndjson(List.of(renamed)))).post(IMPORT)
                .then().statusCode(200).body("updated", equalTo(1));
        assertEquals(events + 1, outboxCount());
        assertEquals(2, Sql.count(db, "SELECT version FROM member WHERE id = '" + first + "'"));
        assertEquals("IMPORTED", Sql.string(db, "SELECT action FROM member_history WHERE member_id = '" + first + "' ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void importChecksRolesScopeAndDuplicatesWithinTheBatch() {
        String row = ndjson(List.of(member("1", citizenId(), "Lê Lợi", tree.wardCell)));
        given().urlEncodingEnabled(false).contentType("application/x-ndjson").body(bytes(row)).post(IMPORT).then().statusCode(401);
        given().urlEncodingEnabled(false).header("Authorization", bearer(tree.province, "officer")).contentType("application/x-ndjson").body(bytes(row)).post(IMPORT)
                .then().statusCode(403);
        given().urlEncodingEnabled(false).header("Authorization", bearer(tree.ward, "integration")).contentType("application/x-ndjson")
                .body(bytes(ndjson(List.of(member("1", citizenId(), "Lê Lợi", tree.communeCell))))).post(IMPORT)
                .then().statusCode(422).body("errors[0].field", equalTo("rows[1].unitId"));
        String same = citizenId();
        given().urlEncodingEnabled(false).header("Authorization", bearer(tree.province, "admin")).contentType("application/x-ndjson")
                .body(bytes(ndjson(List.of(member("1", same, "Lê Lợi", tree.wardCell), member("1", citizenId(), "Lê Lai", tree.wardCell),
                        member("2", same, "Lê Lai", tree.wardCell))))).post(IMPORT)
                .then().statusCode(422).body("errors.field", contains("rows[2].cardNumber", "rows[3].citizenId"))
                .body("errors.rule", contains("card-number-once", "citizen-id-once"));
        given().urlEncodingEnabled(false).header("Authorization", bearer(tree.province, "admin")).contentType("application/x-ndjson").body(bytes("\n\n")).post(IMPORT)
                .then().statusCode(400).body("errors[0].rule", equalTo("rows-required"));
        assertEquals(0, Sql.count(db, "SELECT count(*) FROM member WHERE card_number LIKE '" + card("") + "%'"));
    }

    @Test
    void codesCarryVietnameseLabels() {
        given().header("Authorization", bearer(tree.ward, "viewer")).get(MEMBERS + "/codes")
                .then().statusCode(200).body("status.code", hasItem("STRUCK_OFF"))
                .body("status.find { it.code == 'STRUCK_OFF' }.labelVi", equalTo("Xóa tên"))
                .body("body.code", contains("COMMITTEE", "STANDING_COMMITTEE", "UBKT", "CELL_COMMITTEE"));
    }

    @Test
    void aPlanItemNamesADirectoryMemberByIdAndTakesItsUnitAndName() {
        String id = create(wardAdmin, member("1", citizenId(), "Nguyễn Văn Cừ", tree.wardCell));
        String outside = create(provinceAdmin, member("2", citizenId(), "Hà Huy Tập", tree.communeCell));
        String officer = bearer(tree.ward, "officer");
        Map<String, Object> subject = new HashMap<>(Map.of("type", "MEMBER", "orgUnitId", tree.ward.toString(), "memberId", id,
                "memberPosition", "Bí thư chi bộ"));
        given().header("Authorization", officer).contentType(ContentType.JSON).body(plan(subject)).post("/api/v1/plans")
                .then().statusCode(201).body("items[0].subject.memberId", equalTo(id))
                .body("items[0].subject.memberName", equalTo("Nguyễn Văn Cừ"))
                .body("items[0].subject.orgUnitId", equalTo(tree.wardCell.toString()))
                .body("items[0].subject.memberPosition", equalTo("Bí thư chi bộ"));
        // a member outside the owner's subtree looks like an unknown one
        for (String other : List.of(outside, UUID.randomUUID().toString())) {
            subject.put("memberId", other);
            given().header("Authorization", officer).contentType(ContentType.JSON).body(plan(subject)).post("/api/v1/plans")
                    .then().statusCode(422).body("errors[0].field", equalTo("items[0].subject.memberId"))
                    .body("errors[0].rule", equalTo("member-in-directory"));
        }
        // the free-text form of older plans stays valid
        subject.put("memberId", "DV-001");
        subject.put("memberName", "Nguyễn Văn Cừ");
        given().header("Authorization", officer).contentType(ContentType.JSON).body(plan(subject)).post("/api/v1/plans")
                .then().statusCode(201).body("items[0].subject.memberId", equalTo("DV-001"))
                .body("items[0].subject.orgUnitId", equalTo(tree.ward.toString()));
        assertEquals(2, Sql.count(db, "SELECT count(*) FROM plan WHERE owner_unit_id = '" + tree.ward + "'"));
    }

    private static Map<String, Object> plan(Map<String, Object> subject) {
        return Map.of("kind", "ANNUAL", "year", 2026, "title", "Kế hoạch kiểm tra năm 2026", "items", List.of(Map.of(
                "kind", "INSPECTION_ON_SIGNS", "subject", subject, "content", "Việc chấp hành Điều lệ Đảng",
                "period", Map.of("type", "QUARTER", "quarter", 2))));
    }

    private long outboxCount() {
        return Sql.count(db, "SELECT count(*) FROM kit_outbox WHERE topic = '" + Topics.MEMBERS + "' AND payload LIKE '%"
                + card("") + "%'");
    }

    private String card(String n) {
        return "DV-" + tree.tag + "-" + n;
    }

    private static String citizenId() {
        return String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private Map<String, Object> member(String n, String citizenId, String name, UUID unit) {
        Map<String, Object> m = new HashMap<>();
        m.put("cardNumber", card(n));
        m.put("citizenId", citizenId);
        m.put("fullName", name);
        m.put("unitId", unit.toString());
        m.put("status", "OFFICIAL");
        m.put("admittedDate", "2011-03-01");
        m.put("officialDate", "2012-03-01");
        if (unit.equals(tree.wardCell)) {
            m.put("committeePosts", List.of(Map.of("unitId", tree.wardCell.toString(), "body", "CELL_COMMITTEE", "post", "SECRETARY",
                    "termStart", "2025-01-01", "termEnd", "2027-12-31")));
            m.put("managingUnitId", tree.ward.toString());
        }
        return m;
    }

    private static String ndjson(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> r : rows) {
            try {
                b.append(EventJson.mapper().writeValueAsString(r)).append('\n');
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return b.toString();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String create(String auth, Map<String, Object> body) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(body).post(MEMBERS)
                .then().statusCode(201).extract().path("id");
    }
}
