package vn.ktgs.complaints.appeal;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ktgs.complaints.HandlingRules;
import vn.ktgs.complaints.appeal.AppealCodes.Rejection;
import vn.ktgs.complaints.appeal.AppealCodes.Status;
import vn.ktgs.complaints.decision.DecisionCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.WorkingDays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Whether an appeal is handled (DOMAIN §7.6) and by whom (§3.3: one level at a time; a UBKT's decision first goes to
 * its own BTV or cấp ủy). Pure: the earlier appeals on the decision and the units come in.
 */
public final class AppealRules {
    static final String FIRST_LEVEL = "appeal.first-level";
    static final String NEXT_LEVEL_BODIES = "appeal.next-level-bodies";
    static final String FINAL_LEVELS = "appeal.final-levels";

    private AppealRules() {
    }

    /** Every reason not to handle the appeal, in the order of §7.6; empty when it is handled. */
    static List<Rejection> rejections(Appeal a, DecisionCopy d, List<Appeal> earlier, boolean finalLevelReached) {
        List<Rejection> out = new ArrayList<>();
        if ("ANNULLED".equals(d.amendment)) {
            out.add(Rejection.DECISION_ANNULLED);
        }
        // without the window's end, checkFiling let through only a filing certainly within it
        if (d.appealWindowEnds != null && a.filedOn().isAfter(d.appealWindowEnds)) {
            out.add(Rejection.LATE);
        }
        if (!a.filedBySubject) {
            out.add(Rejection.ON_BEHALF);
        }
        // filed before the written decision reached the appellant: it had not been received when the appeal was made
        if ((a.decisionReceivedOn == null || a.filedOn().isBefore(a.decisionReceivedOn)) && !a.refusedDecision) {
            out.add(Rejection.DECISION_NOT_RECEIVED);
        }
        if (a.refusedDecision) {
            out.add(Rejection.REFUSED_DECISION);
        }
        if (earlier.stream().anyMatch(e -> Status.OPEN.contains(e.status))) {
            out.add(Rejection.PENDING_ELSEWHERE);
        }
        if (finalLevelReached) {
            out.add(Rejection.FINALLY_DECIDED);
        }
        if (a.courtSentence) {
            out.add(Rejection.COURT_SENTENCE);
        }
        if (a.movedBeforeFiling) {
            out.add(Rejection.MOVED_BEFORE_FILING);
        }
        return out;
    }

    /**
     * What a filing cannot be against the decision (422; not a ground of §7.6): received before the decision was
     * announced, or not to be judged late or on time. An unknown window end means discipline-service's count from the
     * announcement reached a day in a year the kit calendar did not cover, so the window ends on or after that day: a
     * filing is within it when every year from the announcement to the filing is covered, else cannot be judged (§6).
     */
    static void checkFiling(AppealRequests.Filing f, DecisionCopy d, WorkingDays calendar, List<FieldError> errors) {
        if (f.decisionReceivedOn() != null && f.decisionReceivedOn().isBefore(d.announcedOn)) {
            errors.add(new FieldError("decisionReceivedOn", "date-order", "the written decision cannot be received before its"
                    + " announcement on " + d.announcedOn));
        }
        LocalDate filedOn = Appeal.filedOn(f.postmarkedOn(), f.filedDirectlyOn());
        if (d.appealWindowEnds != null || filedOn == null) {
            return;
        }
        for (int year = d.announcedOn.getYear(); year <= filedOn.getYear(); year++) {
            if (!calendar.covers(year)) {
                errors.add(new FieldError(filedOn.equals(f.postmarkedOn()) ? "postmarkedOn" : "filedDirectlyOn", "calendar-covers-year",
                        "the working-day calendar does not cover " + year + ", so whether an appeal filed on " + filedOn
                                + " is within the window cannot be judged; its holidays must be entered first"));
                return;
            }
        }
    }

    /** A body of a unit that handles an appeal, at a level of the chain (1 = first). */
    record Seat(OrgUnitCopy unit, String body, int level, boolean finalLevel) {
    }

    /**
     * Who handles the next appeal on the decision: the first level by the deciding body, or one level above the last
     * decided appeal. Empty when the last one was decided at a final level, or the directory copy lacks the unit.
     */
    static Optional<Seat> nextSeat(RuleSet rules, DecisionCopy d, List<Appeal> earlier, Function<UUID, OrgUnitCopy> units) {
        Optional<Appeal> last = earlier.stream().filter(e -> Status.DECIDED_STATUSES.contains(e.status))
                .max(Comparator.comparingInt(e -> e.level));
        OrgUnitCopy unit;
        List<String> bodies = new ArrayList<>();
        int level;
        if (last.isEmpty()) {
            JsonNode first = rules.value(FIRST_LEVEL).has(d.decidingBody) ? rules.value(FIRST_LEVEL).path(d.decidingBody)
                    : rules.value(FIRST_LEVEL).path("default");
            OrgUnitCopy deciding = units.apply(d.decidingUnitId);
            unit = deciding == null ? null : "SAME".equals(first.path("unit").asText()) ? deciding : parent(deciding, units);
            first.path("bodies").forEach(b -> bodies.add(b.asText()));
            level = 1;
        } else {
            OrgUnitCopy handling = units.apply(last.get().handlingUnitId);
            if (handling == null || rules.strings(FINAL_LEVELS).contains(handling.level)) {
                return Optional.empty();
            }
            unit = parent(handling, units);
            bodies.addAll(rules.strings(NEXT_LEVEL_BODIES));
            level = last.get().level + 1;
        }
        if (unit == null) {
            return Optional.empty();
        }
        for (String body : bodies) {
            if (has(unit, body)) {
                return Optional.of(new Seat(unit, body, level, rules.strings(FINAL_LEVELS).contains(unit.level)));
            }
        }
        return Optional.empty();
    }

    /** Whether the last decided appeal on the decision was decided at a final level, so nothing goes further. */
    static boolean finalLevelReached(RuleSet rules, List<Appeal> earlier, Function<UUID, OrgUnitCopy> units) {
        return earlier.stream().filter(e -> Status.DECIDED_STATUSES.contains(e.status))
                .map(e -> units.apply(e.handlingUnitId)).anyMatch(u -> u != null && rules.strings(FINAL_LEVELS).contains(u.level));
    }

    /** The working days the rule set gives to resolve an appeal at the handling unit's level. */
    static int resolutionWorkingDays(RuleSet rules, OrgUnitCopy handlingUnit) {
        return HandlingRules.workingDaysFor(rules.value("appeal.resolution-working-days"), handlingUnit);
    }

    private static boolean has(OrgUnitCopy unit, String body) {
        return switch (body) {
            case "INSPECTION_COMMISSION" -> unit.hasUbkt;
            case "STANDING_COMMITTEE" -> unit.hasBtv;
            default -> true;
        };
    }

    private static OrgUnitCopy parent(OrgUnitCopy unit, Function<UUID, OrgUnitCopy> units) {
        return unit.parentId == null ? null : units.apply(unit.parentId);
    }
}
