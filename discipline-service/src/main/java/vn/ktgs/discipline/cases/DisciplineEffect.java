package vn.ktgs.discipline.cases;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.WorkingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decision's effect (DOMAIN §6): from its announcement (for a cell, the announcement of the vote) until it ends by
 * itself 12 months later, except the permanent forms; the appeal window from the announcement; the restrictions it
 * puts on the member while in effect, and for a cách chức the year after.
 */
public final class DisciplineEffect {
    static final String MONTHS = "discipline.effect.months";
    static final String PERMANENT = "discipline.effect.permanent-forms";
    static final String RESTRICTIONS = "discipline.effect.restrictions";
    static final String AFTER_REMOVAL = "discipline.effect.after-removal";
    static final String APPEAL_WINDOW = "discipline.appeal-window";

    private DisciplineEffect() {
    }

    /** The last day in effect; null for a form that does not end (khai trừ, giải tán). */
    public static LocalDate effectUntil(RuleSet rules, Form form, LocalDate from) {
        if (rules.strings(PERMANENT).contains(form.name())) {
            return null;
        }
        return from.plusMonths(rules.integer(MONTHS));
    }

    /**
     * The last day to appeal, counted from the announcement as the rule set says (calendar days, working days, months);
     * empty while the working-day calendar does not cover the days it runs through, rather than counted as if they had
     * no holidays. The announcement is not held up for it: the decision takes effect all the same.
     */
    public static Optional<LocalDate> appealWindowEnds(RuleSet rules, LocalDate announcedOn, WorkingDays calendar) {
        JsonNode w = rules.value(APPEAL_WINDOW);
        int n = w.path("count").asInt();
        return calendar.ifCovered(() -> switch (w.path("unit").asText()) {
            case "WORKING_DAYS" -> calendar.plusWorkingDays(announcedOn, n);
            case "CALENDAR_DAYS" -> calendar.plusCalendarDays(announcedOn, n);
            case "MONTHS" -> calendar.rollToWorkingDay(announcedOn.plusMonths(n));
            default -> throw new IllegalStateException("rule set " + rules.id() + " has an unknown appeal window unit " + w);
        });
    }

    /** A restriction on a member and the last day it holds. */
    public record Restriction(String code, LocalDate until) {
    }

    /**
     * What a decision forbids on {@code on}: the restrictions while in effect, and after a cách chức those of the year
     * after. Whether it is in effect is the caller's to say: a pending appeal or newer case holds it past
     * {@code effectUntil}, which the restrictions still name as their last day.
     */
    public static List<Restriction> restrictions(RuleSet rules, Form form, LocalDate effectiveFrom, LocalDate effectUntil, boolean inEffect,
                                                 LocalDate on) {
        List<Restriction> out = new ArrayList<>();
        if (on.isBefore(effectiveFrom)) {
            return out;
        }
        if (inEffect) {
            rules.strings(RESTRICTIONS).forEach(r -> out.add(new Restriction(r, effectUntil)));
        }
        if (form == Form.REMOVAL_FROM_POST) {
            JsonNode after = rules.value(AFTER_REMOVAL);
            LocalDate until = effectiveFrom.plusMonths(after.path("months").asInt());
            if (!on.isAfter(until)) {
                after.path("restrictions").forEach(r -> out.add(new Restriction(r.asText(), until)));
            }
        }
        return out;
    }
}
