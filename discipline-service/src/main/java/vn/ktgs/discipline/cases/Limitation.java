package vn.ktgs.discipline.cases;

import vn.ktgs.discipline.cases.DisciplineCodes.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.WorkingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The statute of limitations (thời hiệu, DOMAIN §6). Each act counts from its end (a continuing act does not start
 * counting); a new violation that begins within an earlier act's period restarts that act's count from the new act's
 * end. The period runs by the form (none for the forms the rule set does not list, nor for the exempt groups and
 * kinds) until the end-point of the rule set: the competent body's conclusion (QĐ 69) or the decision to inspect
 * (QĐ 102). The triggering day is not counted; the last day, if the calendar covers its year and it is not a working
 * day, rolls to the next working day. The case is expired when every act is: it is still concluded and voted, but
 * not executed.
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

    public static Result check(RuleSet rules, SubjectType subjectType, Form form, List<Act> acts, LocalDate endPoint, WorkingDays calendar) {
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
        List<Act> sorted = new ArrayList<>(acts);
        sorted.sort(Comparator.comparing(Act::to));
        LocalDate latestLastDay = null;
        for (int i = 0; i < sorted.size(); i++) {
            LocalDate countFrom = sorted.get(i).to();
            LocalDate last = lastDay(countFrom, months.asInt(), calendar);
            // a later act that began within the period restarts the count from its own end
            for (int j = i + 1; j < sorted.size() && !sorted.get(j).from().isAfter(last); j++) {
                countFrom = sorted.get(j).to();
                last = lastDay(countFrom, months.asInt(), calendar);
            }
            if (latestLastDay == null || last.isAfter(latestLastDay)) {
                latestLastDay = last;
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
