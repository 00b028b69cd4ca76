package vn.ktgs.planning.plan;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.RuleSets;
import vn.ktgs.planning.org.OrgUnit;
import vn.ktgs.planning.plan.PlanCodes.ItemKind;
import vn.ktgs.planning.plan.PlanCodes.Kind;
import vn.ktgs.planning.plan.PlanCodes.ItemStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read models over plans, counted from the records (DOMAIN §8: never from typed totals): which units
 * have the plan they must have, how far a plan is carried out, planned against done by unit and kind.
 */
@ApplicationScoped
public class PlanReports {
    private static final String ANNUAL_LEVELS = "plan.annual.required-levels";
    private static final String TERM_LEVELS = "plan.term.required-levels";

    /** Items of the approved revisions of {@code org}'s subtree whose period overlaps from–to (bound by bindReport). */
    private static final String APPROVED_ITEMS = " FROM plan p JOIN org_unit u ON u.id = p.owner_unit_id"
            + " JOIN plan_item i ON i.plan_id = p.id AND i.revision = p.approved_revision"
            + " LEFT JOIN plan_item_progress pr ON pr.item_id = i.id"
            + " WHERE u.path >= ? AND u.path < ? AND p.approved_revision IS NOT NULL AND i.period_from <= ? AND i.period_to >= ?";
    /** Planned, done, being carried out, overdue (its period ended before today, the one parameter, and not done). */
    private static final String ITEM_COUNTS = "count(*), count(*) FILTER (WHERE pr.status = 'DONE'),"
            + " count(*) FILTER (WHERE pr.status IN ('SCHEDULED', 'IN_PROGRESS')),"
            + " count(*) FILTER (WHERE coalesce(pr.status, 'PLANNED') <> 'DONE' AND i.period_to < ?)";

    private final AgroalDataSource db;
    private final RuleSets ruleSets;

    PlanReports(AgroalDataSource db, RuleSets ruleSets) {
        this.db = db;
        this.ruleSets = ruleSets;
    }

    public record Coverage(UUID orgUnitId, Integer year, Integer termStart, Integer termEnd, String ruleSetId,
                           List<String> requiredLevels, long required, long covered, long missing, BigDecimal percentage,
                           Page<CoverageUnit> units) {
    }

    public record CoverageUnit(UUID id, String code, String name, String level, UUID approvedPlanId) {
    }

    /**
     * The units below {@code org} that must have an approved annual plan for {@code year} (or a term
     * programme for the term), by their level's rule; which have one; the percentage. Without {@code paging}, the
     * counts only.
     */
    public Coverage coverage(OrgUnit org, Integer year, Integer termStart, Integer termEnd, boolean missingOnly,
                             PageParams paging) {
        boolean annual = year != null;
        RuleSet rules = ruleSets.inForce(Plans.RULE_DOMAIN, LocalDate.of(annual ? year : termStart, 1, 1));
        List<String> levels = rules.strings(annual ? ANNUAL_LEVELS : TERM_LEVELS);
        String planJoin = annual
                ? "p.kind = 'ANNUAL' AND p.year = ?"
                : "p.kind = 'TERM_PROGRAMME' AND p.term_start = ? AND p.term_end = ?";
        String from = " FROM org_unit u LEFT JOIN plan p ON p.owner_unit_id = u.id AND p.approved_revision IS NOT NULL AND "
                + planJoin + " WHERE u.path > ? AND u.path < ? AND u.active AND u.level = ANY (?)";
        try (Connection c = db.getConnection()) {
            long required;
            long covered;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(p.id)" + from)) {
                bind(ps, c, annual, year, termStart, termEnd, org, levels);
                var rs = ps.executeQuery();
                rs.next();
                required = rs.getLong(1);
                covered = rs.getLong(2);
            }
            if (paging == null) {
                return new Coverage(org.id, year, termStart, termEnd, rules.id(), levels, required, covered, required - covered,
                        percentage(covered, required), null);
            }
            List<CoverageUnit> units = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT u.id, u.code, u.name, u.level, p.id" + from
                    + (missingOnly ? " AND p.id IS NULL" : "") + " ORDER BY u.path LIMIT ? OFFSET ?")) {
                int n = bind(ps, c, annual, year, termStart, termEnd, org, levels);
                ps.setInt(n++, paging.size);
                ps.setInt(n, paging.offset());
                var rs = ps.executeQuery();
                while (rs.next()) {
                    units.add(new CoverageUnit(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getObject(5, UUID.class)));
                }
            }
            return new Coverage(org.id, year, termStart, termEnd, rules.id(), levels, required, covered, required - covered,
                    percentage(covered, required),
                    new Page<>(units, paging.page, paging.size, missingOnly ? required - covered : required));
        } catch (SQLException e) {
            throw new IllegalStateException("coverage query failed", e);
        }
    }

    private static int bind(PreparedStatement ps, Connection c, boolean annual, Integer year, Integer termStart,
                            Integer termEnd, OrgUnit org, List<String> levels) throws SQLException {
        int n = 1;
        if (annual) {
            ps.setInt(n++, year);
        } else {
            ps.setInt(n++, termStart);
            ps.setInt(n++, termEnd);
        }
        ps.setString(n++, org.path);
        ps.setString(n++, org.subtreeBound());
        ps.setArray(n++, c.createArrayOf("text", levels.toArray()));
        return n;
    }

    public record Progress(UUID planId, int approvedRevision, LocalDate asOf, List<ItemProgress> items, List<KindCount> byKind,
                           long overdue) {
    }

    public record ItemProgress(UUID id, ItemKind kind, LocalDate periodFrom, LocalDate periodTo, ItemStatus status,
                               UUID inspectionId, boolean overdue) {
    }

    public record KindCount(ItemKind kind, long planned, long scheduled, long inProgress, long done, long overdue) {
    }

    /** Each item of the approved revision with its fulfilment; overdue = its period ended and it is not done. */
    public Progress progress(Plan p, LocalDate today) {
        if (p.approvedRevision == null) {
            throw ProblemException.conflict("status", "plan-approved", "a plan has progress only once a revision is approved");
        }
        List<ItemProgress> items = new ArrayList<>();
        try (Connection c = db.getConnection(); var ps = c.prepareStatement("SELECT i.id, i.kind, i.period_from, i.period_to,"
                + " coalesce(pr.status, 'PLANNED'), pr.inspection_id FROM plan_item i"
                + " LEFT JOIN plan_item_progress pr ON pr.item_id = i.id"
                + " WHERE i.plan_id = ? AND i.revision = ? ORDER BY i.seq")) {
            ps.setObject(1, p.id);
            ps.setInt(2, p.approvedRevision);
            var rs = ps.executeQuery();
            while (rs.next()) {
                LocalDate to = rs.getDate(4).toLocalDate();
                ItemStatus status = ItemStatus.valueOf(rs.getString(5));
                items.add(new ItemProgress(rs.getObject(1, UUID.class), ItemKind.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(), to, status, rs.getObject(6, UUID.class),
                        status != ItemStatus.DONE && to.isBefore(today)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("progress query failed", e);
        }
        Map<ItemKind, long[]> counts = new EnumMap<>(ItemKind.class); // planned, scheduled, in progress, done, overdue
        for (ItemProgress i : items) {
            long[] c = counts.computeIfAbsent(i.kind(), k -> new long[5]);
            c[0]++;
            switch (i.status()) {
                case SCHEDULED -> c[1]++;
                case IN_PROGRESS -> c[2]++;
                case DONE -> c[3]++;
                default -> {
                    // PLANNED is counted in the total only
                }
            }
            if (i.overdue()) {
                c[4]++;
            }
        }
        List<KindCount> byKind = counts.entrySet().stream()
                .map(e -> new KindCount(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                .toList();
        return new Progress(p.id, p.approvedRevision, today, items, byKind, items.stream().filter(ItemProgress::overdue).count());
    }

    public record ReportRow(UUID orgUnitId, String code, String name, ItemKind kind, long planned, long done, long inProgress,
                            long overdue) {
    }

    /**
     * Planned against done, by owning unit and kind, for the items of approved plans of {@code org}'s
     * subtree whose period overlaps {@code from}–{@code to}.
     */
    public Page<ReportRow> report(OrgUnit org, LocalDate from, LocalDate to, LocalDate today, PageParams paging) {
        try (Connection c = db.getConnection()) {
            long total;
            try (var ps = c.prepareStatement("SELECT count(DISTINCT (u.id, i.kind))" + APPROVED_ITEMS)) {
                bindReport(ps, 1, org, from, to);
                var rs = ps.executeQuery();
                rs.next();
                total = rs.getLong(1);
            }
            List<ReportRow> rows = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT u.id, u.code, u.name, i.kind, " + ITEM_COUNTS
                    + APPROVED_ITEMS + " GROUP BY u.id, u.code, u.name, u.path, i.kind ORDER BY u.path, i.kind LIMIT ? OFFSET ?")) {
                ps.setDate(1, Date.valueOf(today));
                bindReport(ps, 2, org, from, to);
                ps.setInt(6, paging.size);
                ps.setInt(7, paging.offset());
                var rs = ps.executeQuery();
                while (rs.next()) {
                    rows.add(new ReportRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            ItemKind.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                }
            }
            return new Page<>(rows, paging.page, paging.size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("report query failed", e);
        }
    }

    private static void bindReport(PreparedStatement ps, int first, OrgUnit org, LocalDate from, LocalDate to) throws SQLException {
        ps.setString(first, org.path);
        ps.setString(first + 1, org.subtreeBound());
        ps.setDate(first + 2, Date.valueOf(to));
        ps.setDate(first + 3, Date.valueOf(from));
    }

    public record Row(String code, String labelVi, long count) {
    }

    /** Items of approved plans by kind: planned, done, being carried out, and overdue (period ended, not done). */
    public record ItemRow(String code, String labelVi, long planned, long done, long inProgress, long overdue) {
    }

    public record CoverageCount(String ruleSetId, long required, long covered, long missing, BigDecimal percentage) {
    }

    /**
     * The plan indicators of DOMAIN §8 for {@code org}'s subtree and a period: approved plans in force by kind, the
     * share of the units below that have the plan they must have (the term programme for a term, else the annual plan
     * of the period's year), and the items whose period overlaps the period, with the share done. Every kind has a row.
     */
    public record Statistics(UUID orgUnitId, LocalDate from, LocalDate to, List<Row> plansByKind, CoverageCount coverage,
                             List<ItemRow> itemsByKind, ItemRow itemsTotal, BigDecimal itemsDonePercentage) {
    }

    public Statistics statistics(OrgUnit org, LocalDate from, LocalDate to, boolean term, LocalDate today) {
        Coverage cov = term ? coverage(org, null, from.getYear(), to.getYear(), false, null)
                : coverage(org, from.getYear(), null, null, false, null);
        Map<Kind, Long> plans = new EnumMap<>(Kind.class);
        Map<ItemKind, long[]> items = new EnumMap<>(ItemKind.class);
        try (Connection c = db.getConnection()) {
            try (var ps = c.prepareStatement("SELECT p.kind, count(*) FROM plan p JOIN org_unit u ON u.id = p.owner_unit_id"
                    + " WHERE u.path >= ? AND u.path < ? AND p.approved_revision IS NOT NULL"
                    + " AND coalesce(p.year, p.term_start) <= ? AND coalesce(p.year, p.term_end) >= ? GROUP BY p.kind")) {
                ps.setString(1, org.path);
                ps.setString(2, org.subtreeBound());
                ps.setInt(3, to.getYear());
                ps.setInt(4, from.getYear());
                var rs = ps.executeQuery();
                while (rs.next()) {
                    plans.put(Kind.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            try (var ps = c.prepareStatement("SELECT i.kind, " + ITEM_COUNTS + APPROVED_ITEMS + " GROUP BY i.kind")) {
                ps.setDate(1, Date.valueOf(today));
                bindReport(ps, 2, org, from, to);
                var rs = ps.executeQuery();
                while (rs.next()) {
                    items.put(ItemKind.valueOf(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
        List<ItemRow> byKind = new ArrayList<>();
        long[] sum = new long[4];
        for (ItemKind k : ItemKind.values()) {
            long[] n = items.getOrDefault(k, new long[4]);
            byKind.add(new ItemRow(k.name(), k.labelVi, n[0], n[1], n[2], n[3]));
            for (int i = 0; i < sum.length; i++) {
                sum[i] += n[i];
            }
        }
        return new Statistics(org.id, from, to,
                Arrays.stream(Kind.values()).map(k -> new Row(k.name(), k.labelVi, plans.getOrDefault(k, 0L))).toList(),
                new CoverageCount(cov.ruleSetId(), cov.required(), cov.covered(), cov.missing(), cov.percentage()),
                byKind, new ItemRow("TOTAL", "Tổng số", sum[0], sum[1], sum[2], sum[3]), percentage(sum[1], sum[0]));
    }

    /** The statistics as CSV (UTF-8): one row per section and code, each with its counts. */
    public static String csv(Statistics s) {
        StringBuilder out = new StringBuilder("section,code,labelVi,count,done,inProgress,overdue,percentage\r\n");
        s.plansByKind().forEach(r -> line(out, "plansByKind", r.code(), r.labelVi(), r.count() + ",,,,"));
        CoverageCount c = s.coverage();
        line(out, "coverage", "REQUIRED", "Tổ chức phải có kế hoạch", c.required() + ",,,,");
        line(out, "coverage", "COVERED", "Tổ chức đã có kế hoạch được duyệt", c.covered() + ",,,," + c.percentage());
        List<ItemRow> rows = new ArrayList<>(s.itemsByKind());
        rows.add(s.itemsTotal());
        rows.forEach(r -> line(out, "itemsByKind", r.code(), r.labelVi(), r.planned() + "," + r.done() + "," + r.inProgress() + ","
                + r.overdue() + "," + (r == s.itemsTotal() ? s.itemsDonePercentage() : "")));
        return out.toString();
    }

    private static void line(StringBuilder out, String section, String code, String label, String values) {
        out.append(section).append(',').append(code).append(",\"").append(label.replace("\"", "\"\"")).append("\",")
                .append(values).append("\r\n");
    }

    /** A share in percent with one decimal; with nothing required nothing is missing, so 100. */
    private static BigDecimal percentage(long part, long whole) {
        return whole == 0 ? BigDecimal.valueOf(100)
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
