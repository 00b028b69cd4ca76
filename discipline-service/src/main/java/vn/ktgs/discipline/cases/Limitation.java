package vn.ktgs.discipline.cases;

import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.WorkingDays;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The statute of limitations (thời hiệu, DOMAIN §6). The count runs from the end of the act (a continuing act does not
 * start it); a new violation restarts it, so a case counts from the end of its latest act, and again from the end of
 * each act of the subject's other cases begun within the period. The period runs by the form (none for the forms the
 * rule set does not list, nor for the exempt groups and kinds) until the end-point of the rule set: the competent
 * body's conclusion (QĐ 69) or the decision to inspect (QĐ 102). The triggering day is not counted; the last day, if
 * the calendar covers its year and it is not a working day, rolls to the next working day. An expired case is still
 * concluded and voted, but not executed.
 */
public final class Limitation {
    static final String MONTHS = "discipline.limitation.months";
    static final String EXEMPT_GROUPS = "discipline.limitation.exempt-groups";
    static final String EXEMPT_KINDS = "discipline.limitation.exempt-kinds";
    static final String END_POINT = "discipline.limitation.end-point";

    private Limitation() {
    }

    /** An act as the count needs it. {@code to} is null while it continues. */
    public record Act(LocalDate from, LocalDate to, String group, String exemptKind) {
    }

    /**
     * @param applies false when the form has no limitation or an act is of an exempt group or kind
     * @param lastDay the last day on which the case could still be concluded within the limitation; null if it does not apply or an act continues
     * @param expired true when the end-point is after every act's last day
     */
    public record Result(boolean applies, String reason, LocalDate endPoint, LocalDate lastDay, boolean expired) {
    }

    /** Which of the case's dates the count runs to under {@code rules}: CONCLUSION or DECISION_TO_INSPECT. */
    public static String endPointOf(RuleSet rules) {
        return rules.value(END_POINT).asText();
    }

    /**
     * @param acts the case's own acts
     * @param otherActs the acts of the subject's other cases: the new violations that may restart the count
     */
    public static Result check(RuleSet rules, SubjectType subjectType, Form form, List<Act> acts, List<Act> otherActs, LocalDate endPoint,
                               WorkingDays calendar) {
        var months = rules.value(MONTHS).path(subjectType.name()).path(form.name());
        if (months.isMissingNode()) {
            return new Result(false, "no limitation for " + form, endPoint, null, false);
        }
        List<String> groups = rules.strings(EXEMPT_GROUPS);
        List<String> kinds = rules.strings(EXEMPT_KINDS);
        for (Act a : acts) {
            if (groups.contains(a.group()) || (a.exemptKind() != null && kinds.contains(a.exemptKind()))) {
                return new Result(false, "no limitation for acts of " + (a.exemptKind() != null ? a.exemptKind() : a.group()),
                        endPoint, null, false);
            }
        }
        if (acts.stream().anyMatch(a -> a.to() == null)) {
            return new Result(true, "an act continues: the count has not started", endPoint, null, false);
        }
        // a new violation within the period restarts the count: the case's count runs from the end of its latest act
        LocalDate latestEnd = acts.stream().map(Act::to).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate latestLastDay = lastDay(latestEnd, months.asInt(), calendar);
        // so does one the subject committed in another case: begun after the count started, by its (restarted) last
        // day and before the end-point, which stops the count; an act begun earlier runs alongside, it is not new
        List<Act> later = otherActs.stream().filter(a -> a.from().isAfter(latestEnd) && (endPoint == null || !a.from().isAfter(endPoint)))
                .sorted(Comparator.comparing(Act::from)).toList();
        for (Act a : later) {
            if (a.from().isAfter(latestLastDay)) {
                break;
            }
            if (a.to() == null) {
                return new Result(true, "a new violation within the period continues: the count restarts when it ends", endPoint, null, false);
            }
            LocalDate restarted = lastDay(a.to(), months.asInt(), calendar);
            if (restarted.isAfter(latestLastDay)) {
                latestLastDay = restarted;
            }
        }
        return new Result(true, months.asInt() + " months from the end of the act", endPoint, latestLastDay,
                endPoint != null && endPoint.isAfter(latestLastDay));
    }

    private static LocalDate lastDay(LocalDate countFrom, int months, WorkingDays calendar) {
        LocalDate last = countFrom.plusMonths(months);
        return calendar != null && calendar.covers(last.getYear()) ? calendar.rollToWorkingDay(last) : last;
    }
}
