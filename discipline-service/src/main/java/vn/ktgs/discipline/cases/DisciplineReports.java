package vn.ktgs.discipline.cases;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.discipline.cases.DisciplineCodes.ViolationGroup;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.RuleSets;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Discipline statistics of a unit's subtree for a period (DOMAIN §8: "21 reprimanded, 3 warned, 2 expelled"), counted
 * from the records: decisions taken in the period by bodies in the subtree, by form for members and for organisations,
 * by deciding body and by violation group (a decision counts once in each group of its acts); decisions not executed
 * because the limitation had expired, and cases closed without discipline. Every code has a row: a zero is a value.
 */
@ApplicationScoped
public class DisciplineReports {
    /** Decided and executed: what the forms count. An annulled decision counts no more. */
    private static final String EXECUTED = "('DECIDED', 'ANNOUNCED', 'REPORTED_UP', 'EFFECT_ENDED')";

    private final AgroalDataSource db;
    private final RuleSets ruleSets;

    DisciplineReports(AgroalDataSource db, RuleSets ruleSets) {
        this.db = db;
        this.ruleSets = ruleSets;
    }

    public record Row(String code, String labelVi, long count) {
    }

    public record Statistics(UUID orgUnitId, LocalDate from, LocalDate to, List<Row> membersByForm, List<Row> orgUnitsByForm,
                             List<Row> byDecidingBody, List<Row> byViolationGroup, long decisions, long limitationExpired,
                             long notDisciplined) {
    }

    public Statistics statistics(OrgUnitCopy org, LocalDate from, LocalDate to) {
        // the forms of each kind of subject, as the rule set in force at the period's end lists them
        RuleSet rules = ruleSets.inForce(DisciplineCases.RULE_DOMAIN, to);
        String scope = " FROM discipline_case c JOIN kit_org_unit_copy u ON u.id = c.deciding_unit_id WHERE u.path >= ? AND u.path < ?";
        try (Connection conn = db.getConnection()) {
            Map<String, Long> members = counts(conn, "SELECT c.decided_form, count(*)" + scope
                    + " AND c.decided_on BETWEEN ? AND ? AND c.status IN " + EXECUTED + " AND c.subject_type = 'MEMBER' GROUP BY 1", org, from, to);
            Map<String, Long> orgs = counts(conn, "SELECT c.decided_form, count(*)" + scope
                    + " AND c.decided_on BETWEEN ? AND ? AND c.status IN " + EXECUTED + " AND c.subject_type = 'ORG_UNIT' GROUP BY 1", org, from, to);
            Map<String, Long> bodies = counts(conn, "SELECT c.deciding_body, count(*)" + scope
                    + " AND c.decided_on BETWEEN ? AND ? AND c.status IN " + EXECUTED + " GROUP BY 1", org, from, to);
            Map<String, Long> groups = counts(conn, "SELECT a.violation_group, count(DISTINCT c.id) FROM discipline_case c"
                    + " JOIN kit_org_unit_copy u ON u.id = c.deciding_unit_id JOIN discipline_act a ON a.case_id = c.id"
                    + " WHERE u.path >= ? AND u.path < ? AND c.decided_on BETWEEN ? AND ? AND c.status IN " + EXECUTED + " GROUP BY 1",
                    org, from, to);
            Map<String, Long> other = counts(conn, "SELECT c.status, count(*)" + scope
                    + " AND coalesce(c.decided_on, c.vote_on) BETWEEN ? AND ? AND c.status IN ('LIMITATION_EXPIRED', 'NOT_DISCIPLINED') GROUP BY 1",
                    org, from, to);
            long decisions = members.values().stream().mapToLong(Long::longValue).sum() + orgs.values().stream().mapToLong(Long::longValue).sum();
            return new Statistics(org.id, from, to,
                    rows(DisciplineRules.formsOf(rules, SubjectType.MEMBER), members, f -> f.labelVi),
                    rows(DisciplineRules.formsOf(rules, SubjectType.ORG_UNIT), orgs, f -> f.labelVi),
                    rows(List.of(Body.CELL, Body.COMMITTEE, Body.STANDING_COMMITTEE, Body.INSPECTION_COMMISSION), bodies, b -> b.labelVi),
                    rows(List.of(ViolationGroup.values()), groups, g -> g.labelVi),
                    decisions, other.getOrDefault("LIMITATION_EXPIRED", 0L), other.getOrDefault("NOT_DISCIPLINED", 0L));
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    private static Map<String, Long> counts(Connection conn, String sql, OrgUnitCopy org, LocalDate from, LocalDate to) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (var ps = conn.prepareStatement(sql)) {
            ps.setString(1, org.path);
            ps.setString(2, org.subtree().bound());
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(to));
            var rs = ps.executeQuery();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static <E extends Enum<E>> List<Row> rows(List<E> codes, Map<String, Long> counts, Function<E, String> label) {
        List<Row> out = new ArrayList<>();
        codes.forEach(c -> out.add(new Row(c.name(), label.apply(c), counts.getOrDefault(c.name(), 0L))));
        return out;
    }

    /** The statistics as CSV (UTF-8): one row per section and code, then the totals. */
    public static String csv(Statistics s) {
        StringBuilder out = new StringBuilder("section,code,labelVi,count\r\n");
        section(out, "membersByForm", s.membersByForm());
        section(out, "orgUnitsByForm", s.orgUnitsByForm());
        section(out, "byDecidingBody", s.byDecidingBody());
        section(out, "byViolationGroup", s.byViolationGroup());
        out.append("total,DECISIONS,\"Tổng số quyết định kỷ luật\",").append(s.decisions()).append("\r\n");
        out.append("total,LIMITATION_EXPIRED,\"Hết thời hiệu, không thi hành\",").append(s.limitationExpired()).append("\r\n");
        out.append("total,NOT_DISCIPLINED,\"Không thi hành kỷ luật\",").append(s.notDisciplined()).append("\r\n");
        return out.toString();
    }

    private static void section(StringBuilder out, String name, List<Row> rows) {
        rows.forEach(r -> out.append(name).append(',').append(r.code()).append(",\"").append(r.labelVi().replace("\"", "\"\""))
                .append("\",").append(r.count()).append("\r\n"));
    }
}
