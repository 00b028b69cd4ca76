package vn.ktgs.planning.plan;

import vn.ktgs.events.PlanApproved;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.planning.org.OrgLevel;
import vn.ktgs.planning.org.OrgUnit;
import vn.ktgs.planning.plan.PlanCodes.Kind;
import vn.ktgs.planning.plan.PlanCodes.SubjectType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules a plan's content must keep (DOMAIN §4, §7.9): a span that fits its kind, items inside that
 * span, subjects within the owner's subtree, and only kinds the owner may run. Every broken rule is
 * reported at once, each with its field, as one 422. The numbers and lists come from the rule set.
 */
public final class PlanRules {
    static final String NOT_FOR_STAFF_AGENCIES = "plan.item-kinds.not-for-staff-agencies";
    static final String TERM_MAX_YEARS = "plan.term.max-years";
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private PlanRules() {
    }

    /** The first and last day a plan covers. */
    public record Span(LocalDate from, LocalDate to) {
        boolean contains(LocalDate a, LocalDate b) {
            return !a.isBefore(from) && !b.isAfter(to);
        }
    }

    /** A checked item period: its kind and the days it covers. */
    public record ResolvedPeriod(PlanCodes.PeriodType type, LocalDate from, LocalDate to) {
    }

    /**
     * Checks a draft; returns the span and each item's period. {@code units} holds the subjects' org
     * units (missing ones are unknown); {@code members} the directory members in the owner's subtree that
     * items name by id; {@code ownerLevel} says what the owner may run.
     */
    public static Checked check(PlanRequests.Draft d, OrgUnit owner, OrgLevel ownerLevel, Map<UUID, OrgUnit> units,
                                Map<String, DirectoryMember> members, RuleSet rules) {
        List<FieldError> errors = new ArrayList<>();
        Span span = span(d, rules, errors);
        List<ResolvedPeriod> periods = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        List<String> notForStaff = rules.strings(NOT_FOR_STAFF_AGENCIES);
        for (int i = 0; i < d.items().size(); i++) {
            PlanRequests.Item item = d.items().get(i);
            String at = "items[" + i + "].";
            if (item.id() != null && !ids.add(item.id())) {
                errors.add(new FieldError(at + "id", "item-id-unique", "two items have the id " + item.id()));
            }
            if (item.activity() != null && item.activity() != item.kind().activity) {
                errors.add(new FieldError(at + "activity", "activity-matches-kind",
                        item.kind() + " is " + item.kind().activity + ", not " + item.activity()));
            }
            if (ownerLevel.staffAgency && notForStaff.contains(item.kind().name())) {
                errors.add(new FieldError(at + "kind", "kind-allowed-for-owner",
                        "a staff agency may not run " + item.kind() + " (" + rules.id() + ")"));
            }
            DirectoryMember member = directoryMember(item.subject(), members, at, errors);
            OrgUnit subject = units.get(member != null ? member.unitId() : item.subject().orgUnitId());
            if (subject == null || !owner.contains(subject)) {
                errors.add(new FieldError(at + "subject.orgUnitId", "subject-in-subtree",
                        "the subject must be the owning unit, a unit below it, or one of their members"));
            }
            if (item.subject().type() == SubjectType.MEMBER && member == null
                    && (blank(item.subject().memberId()) || blank(item.subject().memberName()))) {
                errors.add(new FieldError(at + "subject", "member-identified", "a member subject needs memberId and memberName"));
            }
            ResolvedPeriod period = period(item.period(), d, at + "period", errors);
            periods.add(period);
            if (period != null && span != null && !span.contains(period.from(), period.to())) {
                errors.add(new FieldError(at + "period", "period-in-plan",
                        "the period " + period.from() + "–" + period.to() + " lies outside the plan's " + span.from() + "–" + span.to()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "rule-violated", "The plan breaks a rule",
                    errors.size() + " rule(s) broken: " + errors.get(0).message(), errors);
        }
        return new Checked(span, periods, members);
    }

    /** {@code members}: the directory members the items name, by the id the items give. */
    public record Checked(Span span, List<ResolvedPeriod> periods, Map<String, DirectoryMember> members) {
    }

    /** A party member of the directory (/api/v1/members) as a plan item names it: its unit and name come from there. */
    public record DirectoryMember(UUID unitId, String fullName) {
    }

    /**
     * A member subject whose {@code memberId} is a directory id must be a member in the owner's subtree
     * (unknown and out of scope look the same); a free-text id (older plans) is taken as given.
     */
    static boolean namesDirectoryMember(PlanRequests.Subject s) {
        return s.type() == SubjectType.MEMBER && PlanApproved.Subject.isDirectoryId(s.memberId());
    }

    private static DirectoryMember directoryMember(PlanRequests.Subject s, Map<String, DirectoryMember> members, String at,
                                                   List<FieldError> errors) {
        if (!namesDirectoryMember(s)) {
            return null;
        }
        DirectoryMember m = members.get(s.memberId().strip());
        if (m == null) {
            errors.add(new FieldError(at + "subject.memberId", "member-in-directory",
                    "no member " + s.memberId() + " in the directory within the plan owner's subtree"));
        }
        return m;
    }

    private static Span span(PlanRequests.Draft d, RuleSet rules, List<FieldError> errors) {
        if (d.kind() == Kind.ANNUAL) {
            if (d.year() == null || !planYear(d.year())) {
                errors.add(new FieldError("year", "year-for-annual",
                        "an annual plan needs a year between " + FIRST_YEAR + " and " + LAST_YEAR));
                return null;
            }
            if (d.termStart() != null || d.termEnd() != null) {
                errors.add(new FieldError("termStart", "term-for-programme", "an annual plan has a year, not a term"));
            }
            return new Span(LocalDate.of(d.year(), 1, 1), LocalDate.of(d.year(), 12, 31));
        }
        if (d.year() != null) {
            errors.add(new FieldError("year", "year-for-annual", "a term programme has a term, not a year"));
        }
        if (d.termStart() == null || d.termEnd() == null || !planYear(d.termStart()) || !planYear(d.termEnd())
                || d.termEnd() <= d.termStart()) {
            errors.add(new FieldError("termEnd", "term-for-programme", "a term programme needs termStart < termEnd, both between "
                    + FIRST_YEAR + " and " + LAST_YEAR + ", e.g. 2025–2030"));
            return null;
        }
        int max = rules.integer(TERM_MAX_YEARS);
        if (d.termEnd() - d.termStart() > max) {
            errors.add(new FieldError("termEnd", "term-length", "a term lasts at most " + max + " years (" + rules.id() + ")"));
            return null;
        }
        return new Span(LocalDate.of(d.termStart(), 1, 1), LocalDate.of(d.termEnd(), 12, 31));
    }

    private static ResolvedPeriod period(PlanRequests.Period p, PlanRequests.Draft d, String field, List<FieldError> errors) {
        Integer year = p.year() != null ? p.year() : d.year();
        if (p.type() != PlanCodes.PeriodType.RANGE && year != null && !planYear(year)) {
            errors.add(new FieldError(field, "period-valid", "a period's year lies between " + FIRST_YEAR + " and " + LAST_YEAR));
            return null;
        }
        switch (p.type()) {
            case MONTH -> {
                if (year == null || p.month() == null || p.month() < 1 || p.month() > 12) {
                    errors.add(new FieldError(field, "period-valid", "a MONTH period needs month 1–12 (and a year in a term programme)"));
                    return null;
                }
                LocalDate from = LocalDate.of(year, p.month(), 1);
                return new ResolvedPeriod(p.type(), from, from.plusMonths(1).minusDays(1));
            }
            case QUARTER -> {
                if (year == null || p.quarter() == null || p.quarter() < 1 || p.quarter() > 4) {
                    errors.add(new FieldError(field, "period-valid", "a QUARTER period needs quarter 1–4 (and a year in a term programme)"));
                    return null;
                }
                LocalDate from = LocalDate.of(year, 3 * p.quarter() - 2, 1);
                return new ResolvedPeriod(p.type(), from, from.plusMonths(3).minusDays(1));
            }
            default -> {
                if (p.from() == null || p.to() == null || p.to().isBefore(p.from())) {
                    errors.add(new FieldError(field, "period-valid", "a RANGE period needs from ≤ to"));
                    return null;
                }
                return new ResolvedPeriod(p.type(), p.from(), p.to());
            }
        }
    }

    /** The years a plan may be about: no Party plan of this system's time lies outside them. */
    private static boolean planYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
