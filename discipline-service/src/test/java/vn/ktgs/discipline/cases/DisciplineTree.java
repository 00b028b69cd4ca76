package vn.ktgs.discipline.cases;

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
 * A fresh piece of the directory per test class, published as planning publishes it and awaited in the copies: the
 * central committee over a province with a ward (a commune committee with BTV and UBKT, not authorised to admit) and a
 * sibling ward; a cell under the ward with an official member, its secretary (on the cell committee), a probationary
 * member, a member of the other ward, and two members each with a decision of their own whose effect is due (one held).
 */
final class DisciplineTree {
    final UUID central = UUID.randomUUID();
    final UUID province = UUID.randomUUID();
    final UUID ward = UUID.randomUUID();
    final UUID otherWard = UUID.randomUUID();
    final UUID cell = UUID.randomUUID();
    final UUID member = UUID.randomUUID();
    final UUID secretary = UUID.randomUUID();
    final UUID probationary = UUID.randomUUID();
    final UUID otherWardMember = UUID.randomUUID();
    final UUID retiree = UUID.randomUUID();
    final UUID reoffender = UUID.randomUUID();
    final UUID awaiting = UUID.randomUUID();
    final UUID served = UUID.randomUUID();

    DisciplineTree(DataSource db) throws Exception {
        UUID root = DirectoryEvents.ROOT;
        try (DirectoryEvents d = new DirectoryEvents()) {
            d.publish(DirectoryEvents.orgUnit(central, List.of(root), "Ban Chấp hành Trung ương", "CENTRAL", 1));
            d.publish(DirectoryEvents.orgUnit(province, List.of(root, central), "Đảng bộ tỉnh Hà Giang", "PROVINCE", 1));
            d.publish(DirectoryEvents.orgUnit(ward, List.of(root, central, province), "Đảng bộ phường Quang Trung", "COMMUNE", 1));
            d.publish(DirectoryEvents.orgUnit(otherWard, List.of(root, central, province), "Đảng bộ phường Minh Khai", "COMMUNE", 1));
            d.publish(DirectoryEvents.orgUnit(cell, List.of(root, central, province, ward), "Chi bộ Tổ dân phố 5", "CELL", 1));
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(member, cell, "Trần Thị Lụa", 1)));
            MemberUpserted s = DirectoryEvents.member(secretary, cell, "Nguyễn Văn Hùng", 1);
            d.publish(DirectoryEvents.memberEvent(new MemberUpserted(s.id(), s.cardNumber(), s.fullName(), cell, "OFFICIAL", s.statusSince(),
                    List.of(new MemberUpserted.CommitteePost(cell, "CELL_COMMITTEE", "SECRETARY", LocalDate.of(2025, 6, 1), null)),
                    null, null, false, 1, s.changedAt())));
            MemberUpserted p = DirectoryEvents.member(probationary, cell, "Lê Thị Mai", 1);
            d.publish(DirectoryEvents.memberEvent(new MemberUpserted(p.id(), p.cardNumber(), p.fullName(), cell, "PROBATIONARY",
                    LocalDate.of(2026, 3, 1), List.of(), null, null, false, 1, p.changedAt())));
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(otherWardMember, otherWard, "Phạm Văn Đức", 1)));
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(retiree, cell, "Hoàng Văn Thụ", 1)));
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(reoffender, cell, "Đỗ Văn Nam", 1)));
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(awaiting, cell, "Vũ Thị Hoa", 1)));
            d.publish(DirectoryEvents.memberEvent(DirectoryEvents.member(served, cell, "Bùi Văn Minh", 1)));
        }
        String units = "'" + central + "','" + province + "','" + ward + "','" + otherWard + "','" + cell + "'";
        String members = "'" + member + "','" + secretary + "','" + probationary + "','" + otherWardMember + "','" + retiree + "','" + reoffender
                + "','" + awaiting + "','" + served + "'";
        await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "SELECT count(*) FROM kit_org_unit_copy WHERE id IN (" + units + ")") == 5
                && count(db, "SELECT count(*) FROM kit_member_copy WHERE id IN (" + members + ")") == 8);
    }

    static long count(DataSource db, String sql) {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery(sql);
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
