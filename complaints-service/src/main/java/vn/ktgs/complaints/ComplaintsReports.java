package vn.ktgs.complaints;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Statistics of denunciations and appeals for a subtree and period (DOMAIN §8), counted from the records: letters by the
 * competent body's receipt, appeals by their receipt, handled by units in the subtree. Every row is there: a zero is a
 * value ("không phát sinh").
 */
@ApplicationScoped
public class ComplaintsReports {
    private static final String OPEN_DENUNCIATION = "(" + HandlingRules.sqlList(vn.ktgs.complaints.denunciation.DenunciationCodes.Status.OPEN) + ")";
    private static final String OPEN_APPEAL = "(" + HandlingRules.sqlList(vn.ktgs.complaints.appeal.AppealCodes.Status.OPEN) + ")";

    private final AgroalDataSource db;
    private final Clock clock;

    ComplaintsReports(AgroalDataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Row(String code, String labelVi, long count) {
    }

    public record Statistics(UUID orgUnitId, LocalDate from, LocalDate to, List<Row> rows) {
    }

    public Statistics denunciations(OrgUnitCopy org, LocalDate from, LocalDate to) {
        return statistics(org, from, to, "denunciation", "received_by_competent_on", new String[][] {
                {"RECEIVED", "Đơn tố cáo tiếp nhận", "count(*)"},
                // accepted at the screening: a letter withdrawn before it is WITHDRAWN too, but was never eligible
                {"ELIGIBLE", "Đủ điều kiện giải quyết", "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM denunciation_step s"
                        + " WHERE s.denunciation_id = t.id AND s.action = 'SCREEN' AND s.to_status = 'ACCEPTED'))"},
                {"NOT_HANDLED", "Không thụ lý", "count(*) FILTER (WHERE status = 'NOT_HANDLED')"},
                {"RESOLVED", "Đã giải quyết", "count(*) FILTER (WHERE status IN ('CONCLUDED', 'DENOUNCER_NOTIFIED'))"},
                {"OVERDUE", "Quá hạn chưa giải quyết", "count(*) FILTER (WHERE status IN " + OPEN_DENUNCIATION + " AND due_on < ?)"},
                {"WITHDRAWN", "Rút đơn, dừng giải quyết", "count(*) FILTER (WHERE status = 'WITHDRAWN')"},
                {"FOUNDED", "Tố cáo đúng", "count(*) FILTER (WHERE outcome = 'FOUNDED')"},
                {"PARTLY_FOUNDED", "Tố cáo đúng một phần", "count(*) FILTER (WHERE outcome = 'PARTLY_FOUNDED')"},
                {"UNFOUNDED", "Tố cáo sai", "count(*) FILTER (WHERE outcome = 'UNFOUNDED')"}});
    }

    public Statistics appeals(OrgUnitCopy org, LocalDate from, LocalDate to) {
        return statistics(org, from, to, "appeal", "received_on", new String[][] {
                {"RECEIVED", "Đơn khiếu nại kỷ luật tiếp nhận", "count(*)"},
                {"ACCEPTED", "Đã thụ lý", "count(*) FILTER (WHERE status <> 'REJECTED')"},
                {"REJECTED", "Không thụ lý", "count(*) FILTER (WHERE status = 'REJECTED')"},
                {"RESOLVED", "Đã giải quyết", "count(*) FILTER (WHERE status IN (" + HandlingRules.sqlList(
                        vn.ktgs.complaints.appeal.AppealCodes.Status.DECIDED_STATUSES) + "))"},
                {"OVERDUE", "Quá hạn chưa giải quyết", "count(*) FILTER (WHERE status IN " + OPEN_APPEAL + " AND due_on < ?)"},
                {"UPHELD", "Giữ nguyên hình thức kỷ luật", "count(*) FILTER (WHERE outcome = 'UPHELD')"},
                {"CHANGED", "Thay đổi hình thức kỷ luật", "count(*) FILTER (WHERE outcome = 'CHANGED')"},
                {"ANNULLED", "Xóa quyết định kỷ luật", "count(*) FILTER (WHERE outcome = 'ANNULLED')"}});
    }

    private Statistics statistics(OrgUnitCopy org, LocalDate from, LocalDate to, String table, String dateColumn, String[][] rows) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < rows.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(rows[i][2]);
        }
        sql.append(" FROM ").append(table).append(" t JOIN kit_org_unit_copy u ON u.id = t.handling_unit_id")
                .append(" WHERE u.path >= ? AND u.path < ? AND t.").append(dateColumn).append(" BETWEEN ? AND ?");
        List<Row> out = new ArrayList<>();
        try (Connection c = db.getConnection(); var ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (String[] r : rows) {
                if (r[2].endsWith("< ?)")) {
                    ps.setDate(p++, Date.valueOf(LocalDate.now(clock)));
                }
            }
            ps.setString(p++, org.path);
            ps.setString(p++, org.subtree().bound());
            ps.setDate(p++, Date.valueOf(from));
            ps.setDate(p, Date.valueOf(to));
            var rs = ps.executeQuery();
            rs.next();
            for (int i = 0; i < rows.length; i++) {
                out.add(new Row(rows[i][0], rows[i][1], rs.getLong(i + 1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
        return new Statistics(org.id, from, to, out);
    }

    /** The statistics as CSV (UTF-8): one row per code. */
    public static String csv(Statistics s) {
        StringBuilder out = new StringBuilder("code,labelVi,count\r\n");
        s.rows().forEach(r -> out.append(r.code()).append(",\"").append(r.labelVi()).append("\",").append(r.count()).append("\r\n"));
        return out.toString();
    }
}
