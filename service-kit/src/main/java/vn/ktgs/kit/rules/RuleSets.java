package vn.ktgs.kit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.EventJson;
import vn.ktgs.kit.problem.ProblemException;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's rule sets and working-day calendar. Both change only by migration, so they are read
 * once and kept in memory.
 */
@ApplicationScoped
public class RuleSets {
    private final AgroalDataSource dataSource;
    private volatile List<RuleSet> sets;
    private volatile WorkingDays calendar;

    RuleSets(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<RuleSet> all() {
        if (sets == null) {
            sets = load();
        }
        return sets;
    }

    public Optional<RuleSet> byId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The rule set of {@code domain} in force on {@code day}; 422 when none was (a day before the first regulation). */
    public RuleSet inForce(String domain, LocalDate day) {
        return all().stream()
                .filter(s -> s.domain().equals(domain) && s.inForceOn(day))
                .max(Comparator.comparing(RuleSet::effectiveFrom))
                .orElseThrow(() -> ProblemException.ruleViolated("date", "rule-set-in-force",
                        "no " + domain + " rule set was in force on " + day));
    }

    public WorkingDays workingDays() {
        if (calendar == null) {
            calendar = loadCalendar();
        }
        return calendar;
    }

    /** The calendar's rows of one year, for the API; 422 for a year the calendar does not cover. */
    public List<CalendarDay> calendarOf(int year) {
        if (!workingDays().covers(year)) {
            throw ProblemException.ruleViolated("year", "calendar-covers-year", "the working-day calendar does not cover " + year);
        }
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("SELECT day, kind, name_vi, name_en,"
                + " source, document, in_force FROM kit_calendar_day WHERE day BETWEEN ? AND ? ORDER BY day")) {
            ps.setDate(1, Date.valueOf(LocalDate.of(year, 1, 1)));
            ps.setDate(2, Date.valueOf(LocalDate.of(year, 12, 31)));
            var rs = ps.executeQuery();
            List<CalendarDay> days = new java.util.ArrayList<>();
            while (rs.next()) {
                days.add(new CalendarDay(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)));
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("calendar lookup failed", e);
        }
    }

    /** One row: a HOLIDAY or a worked weekend day (WORKDAY); {@code inForce} false for a day only announced. */
    public record CalendarDay(LocalDate day, String kind, String nameVi, String nameEn, String source, String document,
                              boolean inForce) {
    }

    private List<RuleSet> load() {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            Map<String, Map<String, RuleSet.Rule>> rules = new LinkedHashMap<>();
            var rs = s.executeQuery("SELECT rule_set_id, key, value::text, source, basis FROM kit_rule ORDER BY rule_set_id, key");
            while (rs.next()) {
                rules.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                        new RuleSet.Rule(EventJson.mapper().readTree(rs.getString(3)), rs.getString(4), rs.getString(5)));
            }
            List<RuleSet> out = new java.util.ArrayList<>();
            rs = s.executeQuery("SELECT id, domain, regulation, title, effective_from, effective_to FROM kit_rule_set"
                    + " ORDER BY domain, effective_from");
            while (rs.next()) {
                Date to = rs.getDate(6);
                out.add(new RuleSet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), to == null ? null : to.toLocalDate(),
                        Map.copyOf(rules.getOrDefault(rs.getString(1), Map.of()))));
            }
            return List.copyOf(out);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("rule sets could not be read", e);
        }
    }

    private WorkingDays loadCalendar() {
        try (Connection c = dataSource.getConnection()) {
            return WorkingDays.fromCalendar(c);
        } catch (SQLException e) {
            throw new IllegalStateException("calendar could not be read", e);
        }
    }
}
