package vn.ktgs.inspection.inspection;

import vn.ktgs.events.MemberUpserted;
import vn.ktgs.kit.membercopy.DirectoryEvents;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A fresh piece of the directory per test class, published as planning publishes it and awaited in the copies: a
 * province with a ward (commune) and a staff agency under it, a cell under the ward and a sibling ward; members of
 * the cell (one on its cell committee) and an officer of the ward for the team.
 */
final class InspectionTree {
    final UUID province = UUID.randomUUID();
    final UUID ward = UUID.randomUUID();
    final UUID cell = UUID.randomUUID();
    final UUID otherWard = UUID.randomUUID();
    final UUID staffAgency = UUID.randomUUID();
    final UUID cellSecretary = UUID.randomUUID();
    final UUID cellMember = UUID.randomUUID();
    final UUID wardOfficer = UUID.randomUUID();
    /** the subject of the overlap test only */
    final UUID cellTreasurer = UUID.randomUUID();

    InspectionTree(DataSource db) throws Exception {
        UUID root = DirectoryEvents.ROOT;
        try (DirectoryEvents d = new DirectoryEvents()) {
            d.publish(DirectoryEvents.orgUnit(province, List.of(root), "Đảng bộ tỉnh Hà Giang", "PROVINCE", 1));
            d.publish(DirectoryEvents.orgUnit(ward, List.of(root, province), "Đảng bộ phường Quang Trung", "COMMUNE", 1));
            d.publish(DirectoryEvents.orgUnit(otherWard, List.of(root, province), "Đảng bộ phường Minh Khai", "COMMUNE", 1));
            d.publish(DirectoryEvents.orgUnit(staffAgency, List.of(root, province), "Ban Tổ chức Tỉnh ủy", "STAFF_AGENCY", 1));
            d.publish(DirectoryEvents.orgUnit(cell, List.of(root, province, ward), "Chi bộ Tổ dân phố 5", "CELL", 1));
            MemberUpserted secretary = DirectoryEvents.member(cellSecretary, cell, "Nguyễn Văn Hùng", 1);
            d.publish(DirectoryEvents.memberEvent(new MemberUpserted(secretary.id(), secretary.cardNumber(), secretary.fullName(),
                    cell, "OFFICIAL", secretary.statusSince(), List.of(new MemberUpserted.CommitteePost(cell, "CELL_COMMITTEE",
                    "SECRETARY", LocalDate.of(2025, 6, 1), null)), null, null, false, 1, secretary.changedAt())));
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(cellMember, cell, "Trần Thị Lụa", 1)));
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(wardOfficer, ward, "Lê Văn Tám", 1)));
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(cellTreasurer, cell, "Đỗ Thị Ngân", 1)));
        }
        String units = "'" + province + "','" + ward + "','" + otherWard + "','" + staffAgency + "','" + cell + "'";
        String members = "'" + cellSecretary + "','" + cellMember + "','" + wardOfficer + "','" + cellTreasurer + "'";
        await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "SELECT count(*) FROM kit_org_unit_copy WHERE id IN (" + units + ")") == 5
                && count(db, "SELECT count(*) FROM kit_member_copy WHERE id IN (" + members + ")") == 4);
    }

    /** For assertions: the count, or the test fails. */
    static long countUnchecked(DataSource db, String sql) {
        try {
            return count(db, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery(sql);
            rs.next();
            return rs.getLong(1);
        }
    }
}
