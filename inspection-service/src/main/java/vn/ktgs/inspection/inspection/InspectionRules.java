package vn.ktgs.inspection.inspection;

import vn.ktgs.events.PlanApproved;
import vn.ktgs.inspection.inspection.InspectionCodes.DecidingBody;
import vn.ktgs.inspection.inspection.InspectionCodes.OriginType;
import vn.ktgs.inspection.inspection.InspectionCodes.SubjectType;
import vn.ktgs.inspection.inspection.InspectionCodes.TeamRole;
import vn.ktgs.inspection.planitem.PlanItemCopy;
import vn.ktgs.kit.membercopy.MemberCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The rules an inspection's content must keep (DOMAIN §2, §5, §6, §7.9–7.10), pure: every broken rule is reported
 * at once, each with its field, as one 422. The lists come from the rule set; the directory from the local copies.
 */
public final class InspectionRules {
    static final String STAFF_AGENCY_LEVELS = "inspection.staff-agency-levels";
    static final String NOT_FOR_STAFF_AGENCIES = "inspection.kinds.not-for-staff-agencies";
    static final String CELL_LEVELS = "inspection.cell-levels";
    static final String MAY_FIND_VIOLATIONS = "inspection.kinds.may-find-violations";
    static final String COMMITTEE_BODIES = "inspection.committee-bodies";

    private InspectionRules() {
    }

    /** A subject as resolved from the directory: the member's unit and name come from there. */
    public record ResolvedSubject(SubjectType type, UUID orgUnitId, UUID memberId, String name, boolean committeeMember) {
    }

    /** What the directory copies say about the units and members a request names. */
    public record Directory(Map<UUID, OrgUnitCopy> units, Map<UUID, MemberCopy> members) {
        OrgUnitCopy unitOf(MemberCopy m) {
            return m == null ? null : units.get(m.unitId);
        }
    }

    /**
     * Checks a draft: the body, the kind, the period, the subjects (at or below {@code scope}: the deciding unit, or
     * the supervising unit of a proposal), the plan item and the origin.
     */
    public static List<ResolvedSubject> checkDraft(InspectionRequests.Draft d, OrgUnitCopy decidingUnit, OrgUnitCopy scope,
                                                   Directory dir, PlanItemCopy planItem, RuleSet rules, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        checkBody(d.decidingBody(), d.kind(), decidingUnit, "decidingBody", rules, errors);
        if (d.periodFrom() != null && d.periodTo() != null && d.periodTo().isBefore(d.periodFrom())) {
            errors.add(new FieldError("periodTo", "period-order", "the period covered ends before it starts"));
        }
        List<ResolvedSubject> subjects = subjects(d.subjects(), "subjects", scope, dir, rules, today, errors);
        if (d.planItemId() != null) {
            if (planItem == null || !planItem.inForce) {
                errors.add(new FieldError("planItemId", "plan-item-known", "no item " + d.planItemId() + " in a plan in force"
                        + " (plans are known here once approved)"));
            } else {
                if (!planItem.ownerUnitId.equals(decidingUnit.id)) {
                    errors.add(new FieldError("planItemId", "plan-item-of-deciding-unit",
                            "the plan item belongs to another unit's plan; its own body carries it out"));
                }
                if (!planItem.kind.equals(d.kind().name())) {
                    errors.add(new FieldError("kind", "kind-matches-plan-item", "the plan item is a " + planItem.kind));
                }
                if (!namesPlanItemSubject(subjects, planItem)) {
                    errors.add(new FieldError("planItemId", "plan-item-subject", "the plan item is about " + (planItem.subjectMemberId == null
                            ? "org unit " + planItem.subjectOrgUnitId : "member " + planItem.subjectMemberId + " of unit " + planItem.subjectOrgUnitId)
                            + ", which the subjects must include"));
                }
            }
            if (d.origin() != null) {
                errors.add(new FieldError("origin", "origin-or-plan-item", "an inspection that carries out a plan item has that item as its origin"));
            }
        }
        if (d.origin() != null) {
            OriginType t = d.origin().type();
            if (t == OriginType.PLAN_ITEM || t == OriginType.SUPERVISION) {
                errors.add(new FieldError("origin.type", "origin-set-by-service", t == OriginType.PLAN_ITEM
                        ? "name the plan item with planItemId" : "a supervision proposes its inspection with /propose-inspection"));
            } else if (t == OriginType.DENUNCIATION && d.origin().id() == null) {
                errors.add(new FieldError("origin.id", "origin-id", "a denunciation origin names the denunciation"));
            }
        }
        ProblemException.throwIfAny("inspection", errors);
        return subjects;
    }

    /**
     * Whether the subjects include the plan item's own, so that inspecting one unit cannot mark another's item done
     * (DOMAIN §8, share of items completed). A member an older plan names by a free-text id is matched by its unit.
     */
    static boolean namesPlanItemSubject(List<ResolvedSubject> subjects, PlanItemCopy item) {
        if (item.subjectMemberId == null) {
            return subjects.stream().anyMatch(s -> s.memberId() == null && item.subjectOrgUnitId.equals(s.orgUnitId()));
        }
        boolean directoryId = PlanApproved.Subject.isDirectoryId(item.subjectMemberId);
        return subjects.stream().anyMatch(s -> s.memberId() != null && (directoryId
                ? item.subjectMemberId.strip().equalsIgnoreCase(s.memberId().toString()) : item.subjectOrgUnitId.equals(s.orgUnitId())));
    }

    /**
     * The deciding body must exist at the deciding unit (a UBKT where the unit has one, a standing committee where it
     * has one, a cell's meeting for a cell, a staff agency's own direction), and a staff agency may not run the kinds
     * the rule set names (an inspection on signs of violation, DOMAIN §7.9).
     */
    static void checkBody(DecidingBody body, InspectionCodes.Kind kind, OrgUnitCopy unit, String field, RuleSet rules,
                          List<FieldError> errors) {
        boolean staffAgency = rules.strings(STAFF_AGENCY_LEVELS).contains(unit.level);
        boolean cell = rules.strings(CELL_LEVELS).contains(unit.level);
        String missing = switch (body) {
            case INSPECTION_COMMISSION -> unit.hasUbkt ? null : "the unit has no inspection commission (UBKT)";
            case STANDING_COMMITTEE -> unit.hasBtv ? null : "the unit has no standing committee (BTV)";
            case CELL -> cell ? null : "only a party cell decides as a cell";
            case STAFF_AGENCY -> staffAgency ? null : "the unit is not a staff agency";
            case COMMITTEE -> cell || staffAgency ? "a " + (cell ? "cell decides as the cell (CELL)" : "staff agency decides as STAFF_AGENCY")
                    : null;
        };
        if (missing != null) {
            errors.add(new FieldError(field, "body-of-unit", missing));
        }
        if (staffAgency && rules.strings(NOT_FOR_STAFF_AGENCIES).contains(kind.name())) {
            errors.add(new FieldError("kind", "kind-allowed-for-body",
                    "a staff agency may not run " + kind + " (" + rules.id() + ", DOMAIN §7.9)"));
        }
    }

    /** Unknown and outside {@code scope} are one error, so the answer does not tell whether the id exists elsewhere. */
    static List<ResolvedSubject> subjects(List<InspectionRequests.SubjectRef> refs, String field, OrgUnitCopy scope,
                                          Directory dir, RuleSet rules, LocalDate today, List<FieldError> errors) {
        List<ResolvedSubject> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<String> committeeBodies = rules.strings(COMMITTEE_BODIES);
        for (int n = 0; n < refs.size(); n++) {
            InspectionRequests.SubjectRef s = refs.get(n);
            String at = field + "[" + n + "]";
            UUID id = s.type() == SubjectType.ORG_UNIT ? s.orgUnitId() : s.memberId();
            if (id == null || (s.type() == SubjectType.ORG_UNIT ? s.memberId() != null : s.orgUnitId() != null)) {
                errors.add(new FieldError(at, "subject-identified", s.type() == SubjectType.ORG_UNIT
                        ? "an ORG_UNIT subject names orgUnitId only" : "a MEMBER subject names memberId only"));
                continue;
            }
            if (!seen.add(id)) {
                errors.add(new FieldError(at, "subject-unique", "the subject " + id + " is named twice"));
                continue;
            }
            if (s.type() == SubjectType.ORG_UNIT) {
                OrgUnitCopy u = dir.units().get(id);
                if (!scope.contains(u)) {
                    errors.add(new FieldError(at + ".orgUnitId", "subject-in-scope",
                            "no org unit " + id + " at or below " + scope.name));
                    continue;
                }
                out.add(new ResolvedSubject(SubjectType.ORG_UNIT, u.id, null, u.name, false));
            } else {
                MemberCopy m = dir.members().get(id);
                if (m == null || !scope.contains(dir.unitOf(m))) {
                    errors.add(new FieldError(at + ".memberId", "subject-in-scope",
                            "no member " + id + " in a unit at or below " + scope.name));
                    continue;
                }
                boolean committee = m.committeePosts.stream().anyMatch(p -> committeeBodies.contains(p.body)
                        && (p.termEnd == null || !p.termEnd.isBefore(today)));
                out.add(new ResolvedSubject(SubjectType.MEMBER, m.unitId, m.id, m.fullName, committee));
            }
        }
        return out;
    }

    /** A team member as resolved from the directory. */
    public record ResolvedTeamMember(UUID memberId, String fullName, TeamRole role) {
    }

    /**
     * The team: each member named (from the directory, or by name), one leader (an inspection's team has one), and no
     * subject on it (DOMAIN §7.8: nobody handles a matter about themselves).
     */
    public static List<ResolvedTeamMember> checkTeam(List<InspectionRequests.TeamMemberRef> team, boolean leaderRequired,
                                                     List<ResolvedSubject> subjects, Map<UUID, MemberCopy> members) {
        List<FieldError> errors = new ArrayList<>();
        List<ResolvedTeamMember> out = new ArrayList<>();
        Set<UUID> subjectMembers = new HashSet<>();
        subjects.stream().map(ResolvedSubject::memberId).filter(Objects::nonNull).forEach(subjectMembers::add);
        Set<UUID> seen = new HashSet<>();
        for (int n = 0; n < team.size(); n++) {
            InspectionRequests.TeamMemberRef t = team.get(n);
            String at = "team[" + n + "]";
            if (t.memberId() != null) {
                MemberCopy m = members.get(t.memberId());
                if (m == null) {
                    errors.add(new FieldError(at + ".memberId", "team-member-in-directory", "no member " + t.memberId() + " in the directory"));
                    continue;
                }
                if (subjectMembers.contains(m.id)) {
                    errors.add(new FieldError(at + ".memberId", "team-not-subject", "a subject of the inspection cannot be on its team"));
                }
                if (!seen.add(m.id)) {
                    errors.add(new FieldError(at + ".memberId", "team-member-unique", "the member is on the team twice"));
                }
                out.add(new ResolvedTeamMember(m.id, m.fullName, t.role()));
            } else if (t.fullName() == null || t.fullName().isBlank()) {
                errors.add(new FieldError(at, "team-member-identified", "a team member needs memberId or fullName"));
            } else {
                out.add(new ResolvedTeamMember(null, t.fullName(), t.role()));
            }
        }
        long leaders = team.stream().filter(t -> t.role() == TeamRole.LEADER).count();
        if (leaders > 1 || (leaderRequired && leaders == 0)) {
            errors.add(new FieldError("team", "team-has-leader", "the team has exactly one LEADER (trưởng đoàn)"));
        }
        ProblemException.throwIfAny("team", errors);
        return out;
    }

    /** A violation as resolved: whose it is, with the name the directory gives. */
    public record ResolvedViolation(InspectionRequests.ViolationEntry entry, SubjectType subjectType, UUID orgUnitId,
                                    UUID memberId, String subjectName) {
    }

    /** A remediation item as resolved: the unit (and member) that must remedy it. */
    public record ResolvedRemediation(InspectionRequests.RemediationEntry entry, UUID ownerUnitId, UUID ownerMemberId) {
    }

    public record CheckedConclusion(List<ResolvedViolation> violations, List<ResolvedRemediation> remediation) {
    }

    /**
     * Checks a conclusion (or a supervision's result): its date; violations only where the kind may find them (a
     * supervision cannot conclude discipline), each of a subject or of a member of a subject unit, with act dates
     * that fit (an end unless it continues, nothing after the conclusion); remediation owned by a subject, due after
     * the conclusion; a finance inspection's amounts (to recover no more than found); the notice where one is due.
     */
    public static CheckedConclusion checkConclusion(Inspection i, InspectionRequests.Conclusion c, boolean noticeRequired,
                                                    List<InspectionParts.Subject> subjects, Directory dir, RuleSet rules,
                                                    LocalDate lastStep, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        stepDate(c.concludedOn(), "concludedOn", lastStep, today, errors);
        List<ResolvedViolation> violations = new ArrayList<>();
        List<InspectionRequests.ViolationEntry> entries = c.violations() == null ? List.of() : c.violations();
        if (!entries.isEmpty() && !rules.strings(MAY_FIND_VIOLATIONS).contains(i.kind.name())) {
            errors.add(new FieldError("violations", "supervision-no-discipline", "a " + i.kind + " records signs of violation"
                    + " and may propose an inspection; it cannot conclude violations or discipline (DOMAIN §7.9)"));
            entries = List.of();
        }
        for (int n = 0; n < entries.size(); n++) {
            InspectionRequests.ViolationEntry v = entries.get(n);
            String at = "violations[" + n + "].";
            ResolvedViolation r = violationSubject(v, at, subjects, dir, errors);
            if (r != null) {
                violations.add(r);
            }
            if (v.continuing() != (v.actTo() == null)) {
                errors.add(new FieldError(at + "actTo", "act-dates", "an act that continues has no end; one that ended has actTo"));
            }
            if (v.actTo() != null && v.actTo().isBefore(v.actFrom())) {
                errors.add(new FieldError(at + "actTo", "act-dates", "the act ends before it starts"));
            }
            if (v.actFrom().isAfter(c.concludedOn()) || (v.actTo() != null && v.actTo().isAfter(c.concludedOn()))) {
                errors.add(new FieldError(at + "actFrom", "act-before-conclusion", "the act's dates lie after the conclusion"));
            }
        }
        List<ResolvedRemediation> remediation = new ArrayList<>();
        List<InspectionRequests.RemediationEntry> items = c.remediation() == null ? List.of() : c.remediation();
        for (int n = 0; n < items.size(); n++) {
            InspectionRequests.RemediationEntry e = items.get(n);
            String at = "remediation[" + n + "].";
            InspectionParts.Subject owner = subjects.stream().filter(s -> e.ownerMemberId() != null
                    ? e.ownerMemberId().equals(s.memberId)
                    : s.memberId == null && s.orgUnitId.equals(e.ownerOrgUnitId())).findFirst().orElse(null);
            if ((e.ownerMemberId() == null) == (e.ownerOrgUnitId() == null) || owner == null) {
                errors.add(new FieldError(at + "ownerOrgUnitId", "owner-is-subject",
                        "name one subject of the inspection, by ownerOrgUnitId or ownerMemberId, to remedy it"));
            } else {
                remediation.add(new ResolvedRemediation(e, owner.orgUnitId, owner.memberId));
            }
            if (!e.deadline().isAfter(c.concludedOn())) {
                errors.add(new FieldError(at + "deadline", "deadline-after-conclusion", "the deadline falls after the conclusion"));
            }
        }
        boolean finance = i.kind == InspectionCodes.Kind.FINANCE_INSPECTION;
        if (finance && c.finance() == null) {
            errors.add(new FieldError("finance", "finance-amounts", "a party finance inspection concludes the amounts found and to recover"));
        } else if (!finance && c.finance() != null) {
            errors.add(new FieldError("finance", "finance-amounts", "only a party finance inspection has amounts"));
        } else if (finance && c.finance().amountToRecover() > c.finance().amountFound()) {
            errors.add(new FieldError("finance.amountToRecover", "recover-within-found", "the amount to recover exceeds the amount found"));
        }
        if (noticeRequired && c.notice() == null) {
            errors.add(new FieldError("notice", "result-notice", "a supervision's result is issued as a notice: give notice"));
        } else if (!noticeRequired && c.notice() != null) {
            errors.add(new FieldError("notice", "notice-after-conclusion", "the conclusion notice is issued after the conclusion: /issue-notice"));
        } else if (c.notice() != null && c.notice().noticeDate().isBefore(c.concludedOn())) {
            errors.add(new FieldError("notice.noticeDate", "date-order", "the notice is dated before the conclusion"));
        }
        ProblemException.throwIfAny("conclusion", errors);
        return new CheckedConclusion(violations, remediation);
    }

    private static ResolvedViolation violationSubject(InspectionRequests.ViolationEntry v, String at,
                                                      List<InspectionParts.Subject> subjects, Directory dir, List<FieldError> errors) {
        if ((v.subjectMemberId() == null) == (v.subjectOrgUnitId() == null)) {
            errors.add(new FieldError(at + "subjectOrgUnitId", "violation-subject", "name subjectOrgUnitId or subjectMemberId"));
            return null;
        }
        if (v.subjectOrgUnitId() != null) {
            return subjects.stream().filter(s -> s.memberId == null && s.orgUnitId.equals(v.subjectOrgUnitId())).findFirst()
                    .map(s -> new ResolvedViolation(v, SubjectType.ORG_UNIT, s.orgUnitId, null, s.name))
                    .orElseGet(() -> {
                        errors.add(new FieldError(at + "subjectOrgUnitId", "violation-subject-known", "the org unit is not a subject"));
                        return null;
                    });
        }
        InspectionParts.Subject named = subjects.stream().filter(s -> v.subjectMemberId().equals(s.memberId)).findFirst().orElse(null);
        if (named != null) {
            return new ResolvedViolation(v, SubjectType.MEMBER, named.orgUnitId, named.memberId, named.name);
        }
        // a member of a subject unit: an inspection of a body finds its members' violations too
        MemberCopy m = dir.members().get(v.subjectMemberId());
        OrgUnitCopy unit = dir.unitOf(m);
        boolean inSubjectUnit = unit != null && subjects.stream().filter(s -> s.memberId == null)
                .map(s -> dir.units().get(s.orgUnitId)).anyMatch(u -> u != null && u.contains(unit));
        if (!inSubjectUnit) {
            errors.add(new FieldError(at + "subjectMemberId", "violation-subject-known",
                    "the member is neither a subject nor a member of a subject unit"));
            return null;
        }
        return new ResolvedViolation(v, SubjectType.MEMBER, m.unitId, m.id, m.fullName);
    }

    /** A step's date: not in the future, not before the step before it. */
    public static void stepDate(LocalDate on, String field, LocalDate lastStep, LocalDate today, List<FieldError> errors) {
        if (on.isAfter(today)) {
            errors.add(new FieldError(field, "date-not-future", "the date " + on + " has not come yet"));
        }
        if (lastStep != null && on.isBefore(lastStep)) {
            errors.add(new FieldError(field, "date-order", "the date " + on + " is before the previous step's " + lastStep));
        }
    }
}
