package vn.ktgs.kit.membercopy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.Devstack;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.MemberUpserted;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.config.KitConfig;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.ktgs.kit.membercopy.DirectoryEvents.ROOT;
import static vn.ktgs.kit.membercopy.DirectoryEvents.member;
import static vn.ktgs.kit.membercopy.DirectoryEvents.memberEvent;
import static vn.ktgs.kit.membercopy.DirectoryEvents.orgUnit;
import static vn.ktgs.kit.membercopy.DirectoryEvents.wire;

/**
 * What every service that keeps a copy of the member directory must do: apply every event the schema
 * allows ({@link MemberSamples}) and park what it forbids, apply each once and never go back to an older state, keep a
 * member whose unit it does not know yet, and show a member only within the caller's subtree.
 * Each such service runs it as a {@code @QuarkusTest} subclass naming its own path.
 */
public abstract class MemberCopyContractTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;
    @Inject
    KitConfig kit;

    private DirectoryEvents directory;
    private UUID province;
    private UUID cell;
    private UUID commune;

    /** Where the service shows its copy, e.g. {@code /api/v1/inspections/members}. */
    protected abstract String membersPath();

    @BeforeEach
    void units() throws Exception {
        directory = new DirectoryEvents();
        province = UUID.randomUUID();
        cell = UUID.randomUUID();
        commune = UUID.randomUUID();
        directory.publish(orgUnit(province, List.of(ROOT), "Đảng bộ tỉnh Hà Tĩnh", "PROVINCE", 1));
        directory.publish(orgUnit(cell, List.of(ROOT, province), "Chi bộ thôn Đông", "CELL", 1));
        directory.publish(orgUnit(commune, List.of(ROOT, province), "Đảng bộ xã Thạch Hà", "COMMUNE", 1));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM kit_org_unit_copy WHERE id IN ('"
                + province + "', '" + cell + "', '" + commune + "')") == 3);
    }

    @AfterEach
    void close() {
        directory.close();
    }

    @Test
    void keepsEveryFieldOfAMemberAndShowsItWithinTheCallersSubtree() throws Exception {
        UUID id = UUID.randomUUID();
        Instant changed = Instant.parse("2026-04-05T06:07:08Z");
        MemberUpserted data = new MemberUpserted(id, "52.012345", "Trần Thị Ngọc Ánh", cell, "PROBATIONARY",
                LocalDate.of(2026, 3, 2), List.of(
                        new MemberUpserted.CommitteePost(cell, "CELL_COMMITTEE", "DEPUTY_SECRETARY", LocalDate.of(2025, 10, 1), null),
                        new MemberUpserted.CommitteePost(province, "UBKT", "MEMBER", LocalDate.of(2025, 10, 1), LocalDate.of(2030, 9, 30))),
                "Phó Chủ tịch UBND xã", province, false, 7, changed);
        directory.publish(memberEvent(data));
        awaitVersion(id, 7);

        assertEquals(List.of("52.012345", "Trần Thị Ngọc Ánh", cell.toString(), "PROBATIONARY", "2026-03-02",
                        "Phó Chủ tịch UBND xã", province.toString(), "f", changed.toString()),
                row("SELECT card_number, full_name, unit_id, status, status_since, state_position, managing_unit_id, retired,"
                        + " to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM kit_member_copy WHERE id = '" + id + "'"));
        assertEquals(List.of("0 " + cell + " CELL_COMMITTEE DEPUTY_SECRETARY 2025-10-01 null",
                        "1 " + province + " UBKT MEMBER 2025-10-01 2030-09-30"),
                seats(id));
        // the question authority rules ask: does the member sit on the UBKT of the province?
        assertEquals(1, count("SELECT count(*) FROM kit_member_copy_post WHERE unit_id = '" + province
                + "' AND body = 'UBKT' AND member_id = '" + id + "'"));

        for (UUID caller : List.of(province, cell)) {
            given().header("Authorization", bearer(caller)).get(membersPath() + "/" + id).then().statusCode(200)
                    .body("fullName", equalTo("Trần Thị Ngọc Ánh"))
                    .body("unitId", equalTo(cell.toString()))
                    .body("status", equalTo("PROBATIONARY"))
                    .body("statusSince", equalTo("2026-03-02"))
                    .body("committeePosts[1].body", equalTo("UBKT"))
                    .body("committeePosts[1].termEnd", equalTo("2030-09-30"))
                    .body("managingUnitId", equalTo(province.toString()))
                    .body("version", equalTo(7));
        }
        given().header("Authorization", bearer(commune)).get(membersPath() + "/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("type", containsString("not-found"));
        given().header("Authorization", bearer(province)).get(membersPath() + "/" + UUID.randomUUID()).then().statusCode(404);
        given().get(membersPath() + "/" + id).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void appliesEachEventOnceAndNeverGoesBackToAnOlderState() throws Exception {
        UUID id = UUID.randomUUID();
        MemberUpserted first = member(id, cell, "Nguyễn Văn Hùng", 1);
        directory.publish(memberEvent(new MemberUpserted(id, first.cardNumber(), first.fullName(), cell, "OFFICIAL", null,
                List.of(new MemberUpserted.CommitteePost(cell, "CELL_COMMITTEE", "SECRETARY", null, null)),
                null, null, false, 1, Instant.now())));
        awaitVersion(id, 1);

        CloudEvent suspended = memberEvent(new MemberUpserted(id, first.cardNumber(), "Nguyễn Văn Hùng", cell, "SUSPENDED",
                LocalDate.of(2026, 6, 1), List.of(), null, null, false, 3, Instant.now()));
        CloudEvent sameVersionOtherName = memberEvent(member(id, cell, "Cùng phiên bản, tên khác", 3));
        CloudEvent late = memberEvent(member(id, cell, "Tên cũ đến muộn", 2));
        directory.publish(suspended);
        directory.publish(suspended);
        directory.publish(sameVersionOtherName);
        directory.publish(late);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM kit_processed_event WHERE event_id = '" + late.id() + "'") == 1);

        assertEquals(List.of("Nguyễn Văn Hùng", "SUSPENDED", "2026-06-01", "3"),
                row("SELECT full_name, status, status_since, version FROM kit_member_copy WHERE id = '" + id + "'"));
        assertEquals(List.of(), seats(id), "the seat ended with version 3");
        assertEquals(1, count("SELECT count(*) FROM kit_processed_event WHERE event_id = '" + suspended.id() + "'"));
        assertEquals(1, count("SELECT count(*) FROM kit_processed_event WHERE event_id = '" + sameVersionOtherName.id() + "'"));
    }

    @Test
    void keepsAMemberWhoseUnitItDoesNotKnowYetAndShowsItOnceTheUnitArrives() throws Exception {
        UUID newCell = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        directory.publish(memberEvent(member(id, newCell, "Lê Thị Hoa", 1)));
        awaitVersion(id, 1);
        assertEquals(List.of(newCell.toString()), row("SELECT unit_id FROM kit_member_copy WHERE id = '" + id + "'"));
        given().header("Authorization", bearer(province)).get(membersPath() + "/" + id).then().statusCode(404);

        directory.publish(orgUnit(newCell, List.of(ROOT, province), "Chi bộ thôn Tây", "CELL", 1));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", bearer(province)).get(membersPath() + "/" + id)
                .then().statusCode(200).body("fullName", equalTo("Lê Thị Hoa")));
    }

    @Test
    void followsAMemberTransferredToAnotherUnit() throws Exception {
        UUID id = UUID.randomUUID();
        directory.publish(memberEvent(member(id, cell, "Phạm Minh Đức", 1)));
        awaitVersion(id, 1);
        given().header("Authorization", bearer(commune)).get(membersPath() + "/" + id).then().statusCode(404);

        directory.publish(memberEvent(member(id, commune, "Phạm Minh Đức", 2)));
        awaitVersion(id, 2);
        given().header("Authorization", bearer(commune)).get(membersPath() + "/" + id).then().statusCode(200)
                .body("unitId", equalTo(commune.toString()));
        given().header("Authorization", bearer(cell)).get(membersPath() + "/" + id).then().statusCode(404);
    }

    @Test
    void appliesEveryEventTheSchemaAllows() throws Exception {
        Map<String, ObjectNode> allowed = MemberSamples.allowed(cell, province);
        for (ObjectNode data : allowed.values()) {
            directory.publish(memberEvent(MemberSamples.idOf(data), data));
        }
        for (Map.Entry<String, ObjectNode> a : allowed.entrySet()) {
            UUID id = MemberSamples.idOf(a.getValue());
            awaitVersion(id, a.getValue().get("version").asLong());
            assertEquals(List.of(a.getValue().get("status").asText(), a.getValue().get("fullName").asText(),
                            String.valueOf(a.getValue().get("committeePosts").size())),
                    row("SELECT status, full_name, (SELECT count(*) FROM kit_member_copy_post WHERE member_id = m.id)"
                            + " FROM kit_member_copy m WHERE id = '" + id + "'"), a.getKey());
        }
    }

    /**
     * One of each kind of refusal end to end (the whole catalogue is MemberCopyHandlerTest's): every service
     * of a build reads the same topic from its start and parks the others' samples too.
     */
    @Test
    void parksAnEventTheSchemaForbidsAndKeepsNothingOfIt() throws Exception {
        List<ObjectNode> samples = List.of(MemberSamples.forbidden(cell).get("without retired"),
                MemberSamples.forbidden(cell).get("unknown body"), MemberSamples.badFormats(cell).get("no such date"));
        Set<String> records = new HashSet<>();
        for (ObjectNode data : samples) {
            CloudEvent e = memberEvent(MemberSamples.idOf(data), data);
            directory.publish(e);
            records.add(wire(e));
        }
        assertEquals(records, DirectoryEvents.parked(Topics.deadLetter(kit.serviceName()), records, Duration.ofSeconds(60)));
        assertEquals(0, count("SELECT count(*) FROM kit_member_copy WHERE id IN ('"
                + String.join("', '", samples.stream().map(d -> MemberSamples.idOf(d).toString()).toList()) + "')"));
    }

    private static String bearer(UUID org) {
        return "Bearer " + Devstack.shared().tokens().mint("tester", org.toString(), List.of("viewer"), 300);
    }

    private void awaitVersion(UUID id, long version) {
        await().atMost(WAIT).until(() -> {
            List<String> v = row("SELECT version FROM kit_member_copy WHERE id = '" + id + "'");
            return v != null && Long.parseLong(v.get(0)) == version;
        });
    }

    /** "seq unit body post termStart termEnd" per seat, in order. */
    private List<String> seats(UUID member) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT seq, unit_id, body, post, term_start, term_end FROM kit_member_copy_post WHERE member_id = '"
                    + member + "' ORDER BY seq");
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " " + rs.getString(6));
            }
        }
        return out;
    }

    /** The first row's columns as text, or null without a row. */
    private List<String> row(String sql) throws Exception {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery(sql);
            if (!rs.next()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getString(i));
            }
            return out;
        }
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(row(sql).get(0));
    }
}
