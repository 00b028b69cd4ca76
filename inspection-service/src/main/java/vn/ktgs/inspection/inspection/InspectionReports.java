package vn.ktgs.inspection.inspection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.inspection.inspection.InspectionCodes.Kind;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Statistics of a unit's subtree for a period (DOMAIN §8, QĐ 885's periods), counted from the records: inspections
 * and supervisions opened in the period (decided, or notified for a supervision; cancelled ones left out) by kind,
 * their subjects split into organisations, members and committee members, those with violations and needing
 * discipline, supervisions turned into inspections, finance amounts. Every kind has a row: a zero is a value.
 */
@ApplicationScoped
public class InspectionReports {
    private final AgroalDataSource db;

    InspectionReports(AgroalDataSource db) {
        this.db = db;
    }

    public record Statistics(UUID orgUnitId, LocalDate from, LocalDate to, List<KindRow> byKind, KindRow total) {
    }

    /**
     * One kind's counts. {@code subjectOrganisations}, {@code subjectMembers}, {@code subjectCommitteeMembers}: the
     * subjects inspected; {@code withViolations}: inspections that concluded at least one violation;
     * {@code needingDiscipline}: those with a violation that warrants discipline; {@code turnedIntoInspections}:
     * supervisions that proposed an inspection on signs of violation.
     */
    public record KindRow(String kind, String labelVi, long count, long subjectOrganisations, long subjectMembers,
                          long subjectCommitteeMembers, long concluded, long withViolations, long needingDiscipline,
                          long violations, long violationsNeedingDiscipline, long turnedIntoInspections, long amountFound,
                          long amountToRecover, long amountRecovered) {
    }

    public Statistics statistics(OrgUnitCopy org, LocalDate from, LocalDate to) {
        Map<Kind, KindRow> rows = new EnumMap<>(Kind.class);
        try (Connection c = db.getConnection(); var ps = c.prepareStatement("SELECT i.kind, count(*), sum(i.subject_org_units),"
                + " sum(i.subject_members), sum(i.subject_committee_members), count(i.concluded_on),"
                + " count(*) FILTER (WHERE i.violations > 0), count(*) FILTER (WHERE i.violations_for_discipline > 0),"
                + " sum(i.violations), sum(i.violations_for_discipline), count(i.proposed_inspection_id),"
                + " coalesce(sum(i.amount_found), 0), coalesce(sum(i.amount_to_recover), 0), sum(i.amount_recovered)"
                + " FROM inspection i JOIN kit_org_unit_copy u ON u.id = i.deciding_unit_id"
                + " WHERE u.path >= ? AND u.path < ? AND i.opened_on >= ? AND i.opened_on <= ? AND i.status <> 'CANCELLED'"
                + " GROUP BY i.kind")) {
            ps.setString(1, org.path);
            ps.setString(2, org.subtree().bound());
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            var rs = ps.executeQuery();
            while (rs.next()) {
                Kind k = Kind.valueOf(rs.getString(1));
                rows.put(k, new KindRow(k.name(), k.labelVi, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        rs.getLong(12), rs.getLong(13), rs.getLong(14)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
        List<KindRow> byKind = new ArrayList<>();
        long[] sum = new long[14];
        for (Kind k : Kind.values()) {
            KindRow r = rows.getOrDefault(k, new KindRow(k.name(), k.labelVi, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
            byKind.add(r);
            long[] v = values(r);
            for (int n = 0; n < v.length; n++) {
                sum[n] += v[n];
            }
        }
        KindRow total = new KindRow("TOTAL", "Tổng số", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8],
                sum[9], sum[10], sum[11], sum[12]);
        return new Statistics(org.id, from, to, byKind, total);
    }

    private static long[] values(KindRow r) {
        return new long[] {r.count(), r.subjectOrganisations(), r.subjectMembers(), r.subjectCommitteeMembers(), r.concluded(),
                r.withViolations(), r.needingDiscipline(), r.violations(), r.violationsNeedingDiscipline(),
                r.turnedIntoInspections(), r.amountFound(), r.amountToRecover(), r.amountRecovered()};
    }

    /** The statistics as CSV (UTF-8, a header row, one row per kind and the total). */
    public static String csv(Statistics s) {
        StringBuilder out = new StringBuilder("kind,labelVi,count,subjectOrganisations,subjectMembers,subjectCommitteeMembers,"
                + "concluded,withViolations,needingDiscipline,violations,violationsNeedingDiscipline,turnedIntoInspections,"
                + "amountFound,amountToRecover,amountRecovered\r\n");
        List<KindRow> rows = new ArrayList<>(s.byKind());
        rows.add(s.total());
        for (KindRow r : rows) {
            out.append(r.kind()).append(",\"").append(r.labelVi().replace("\"", "\"\"")).append('"');
            for (long v : values(r)) {
                out.append(',').append(v);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
