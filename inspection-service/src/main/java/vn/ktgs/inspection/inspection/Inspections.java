package vn.ktgs.inspection.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ktgs.events.EventTypes;
import vn.ktgs.inspection.inspection.InspectionCodes.Activity;
import vn.ktgs.inspection.inspection.InspectionCodes.Kind;
import vn.ktgs.inspection.inspection.InspectionCodes.OriginType;
import vn.ktgs.inspection.inspection.InspectionCodes.RemediationStatus;
import vn.ktgs.inspection.inspection.InspectionCodes.Status;
import vn.ktgs.inspection.inspection.InspectionCodes.SubjectType;
import vn.ktgs.inspection.inspection.InspectionWorkflow.Action;
import vn.ktgs.inspection.planitem.PlanItemCopy;
import vn.ktgs.inspection.remediation.RemediationItem;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.membercopy.MemberCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.RuleSets;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.text.VietnameseText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Inspections and supervisions, the commands. Each locks the record, checks the caller ({@link InspectionAuthority})
 * and the state machine ({@link InspectionWorkflow}), then the rules ({@link InspectionRules}), and writes the change,
 * the step's record, its events ({@link InspectionEvents}) and an audit record in one transaction.
 */
@ApplicationScoped
public class Inspections {
    public static final String RULE_DOMAIN = "inspection";

    private final EntityManager em;
    private final InspectionAuthority authority;
    private final InspectionEvents events;
    private final Overlaps overlaps;
    private final Audit audit;
    private final RuleSets ruleSets;
    private final Caller caller;
    private final Clock clock;

    Inspections(EntityManager em, InspectionAuthority authority, InspectionEvents events, Overlaps overlaps, Audit audit,
                RuleSets ruleSets, Caller caller, Clock clock) {
        this.em = em;
        this.authority = authority;
        this.events = events;
        this.overlaps = overlaps;
        this.audit = audit;
        this.ruleSets = ruleSets;
        this.caller = caller;
        this.clock = clock;
    }

    /** The record as changed, with warnings (another body's open inspection of the same subject and period). */
    public record Changed(Inspection inspection, List<InspectionViews.Warning> warnings) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Changed create(OrgUnitCopy actorUnit, InspectionRequests.Draft d) {
        OrgUnitCopy unit = authority.decidingUnitOfNew(actorUnit, d.decidingUnitId(), "decidingUnitId");
        RuleSet rules = ruleSets.inForce(RULE_DOMAIN, today());
        authority.requireTeam(rules);
        PlanItemCopy planItem = d.planItemId() == null ? null : PlanItemCopy.findById(d.planItemId());
        List<InspectionRules.ResolvedSubject> subjects = InspectionRules.checkDraft(d, unit, unit, directory(d.subjects(), List.of()),
                planItem, rules, today());
        Instant now = Instant.now(clock);
        Inspection i = new Inspection();
        i.id = UUID.randomUUID();
        i.activity = d.kind().activity;
        i.status = Status.PLANNED;
        i.ruleSetId = rules.id();
        i.version = 1;
        i.createdBy = caller.subject();
        i.createdAt = now;
        i.updatedAt = now;
        setContent(i, d, unit, planItem, subjects);
        setOrigin(i, d.origin(), planItem);
        i.persist();
        writeSubjects(i, subjects);
        record(i, "CREATE", null, Status.PLANNED, today(), null, null);
        return new Changed(i, overlaps.of(actorUnit, i));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Changed update(OrgUnitCopy actorUnit, UUID id, long version, InspectionRequests.Draft d) {
        Inspection i = lockVisible(actorUnit, id, version);
        RuleSet rules = act(i, actorUnit, Action.EDIT);
        if (d.kind() != i.kind || (d.decidingUnitId() != null && !d.decidingUnitId().equals(i.decidingUnitId))) {
            throw ProblemException.ruleViolated("kind", "kind-fixed", "an inspection keeps its kind and deciding unit; cancel it and record a new one");
        }
        boolean proposed = i.originType == OriginType.SUPERVISION;
        if (proposed && (d.origin() != null || d.planItemId() != null)) {
            throw ProblemException.ruleViolated(d.origin() != null ? "origin" : "planItemId", "origin-set-by-service",
                    "a proposed inspection keeps the supervision that proposed it as its origin");
        }
        OrgUnitCopy unit = OrgUnitCopy.findById(i.decidingUnitId);
        PlanItemCopy planItem = d.planItemId() == null ? null : PlanItemCopy.findById(d.planItemId());
        List<InspectionRules.ResolvedSubject> subjects = InspectionRules.checkDraft(d, unit, unit, directory(d.subjects(), List.of()),
                planItem, rules, today());
        setContent(i, d, unit, planItem, subjects);
        if (!proposed) {
            setOrigin(i, d.origin(), planItem);
        }
        InspectionParts.Subject.delete("inspectionId", i.id);
        em.flush();
        writeSubjects(i, subjects);
        changed(i);
        record(i, "EDIT", Status.PLANNED, Status.PLANNED, today(), null, null);
        return new Changed(i, overlaps.of(actorUnit, i));
    }

    /** The decision to inspect, with its team: PLANNED → DECIDED; announces the inspection as scheduled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Changed decide(OrgUnitCopy actorUnit, UUID id, long version, InspectionRequests.Decision d) {
        Inspection i = lockVisible(actorUnit, id, version);
        RuleSet rules = act(i, actorUnit, Action.DECIDE);
        Status to = InspectionWorkflow.next(i.activity, i.status, Action.DECIDE);
        List<FieldError> errors = new ArrayList<>();
        InspectionRules.stepDate(d.decisionDate(), "decisionDate", lastStepDate(i), today(), errors);
        ProblemException.throwIfAny("decision", errors);
        writeTeam(i, d.team(), true);
        i.decisionNumber = d.decisionNumber().strip();
        i.decisionDate = d.decisionDate();
        i.openedOn = d.decisionDate();
        move(i, Action.DECIDE, to, d.decisionDate(), d.summary(), d.decisionNumber());
        events.progress(i, EventTypes.INSPECTION_SCHEDULED, i.updatedAt);
        return new Changed(i, overlaps.of(actorUnit, i));
    }

    /**
     * The notice to the subject. An inspection's starts its field work (started); a supervision's carries its decision
     * and team, if any, and schedules it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Inspection notify(OrgUnitCopy actorUnit, UUID id, long version, InspectionRequests.Notice n) {
        Inspection i = lockVisible(actorUnit, id, version);
        act(i, actorUnit, Action.NOTIFY);
        Status to = InspectionWorkflow.next(i.activity, i.status, Action.NOTIFY);
        List<FieldError> errors = new ArrayList<>();
        InspectionRules.stepDate(n.on(), "on", lastStepDate(i), today(), errors);
        boolean supervision = i.activity == Activity.SUPERVISION;
        if (!supervision && (n.decisionNumber() != null || n.decisionDate() != null || n.team() != null)) {
            errors.add(new FieldError("decisionNumber", "decision-given-once", "an inspection's decision and team are given when it is decided"));
        }
        if (n.decisionDate() != null && n.decisionDate().isAfter(n.on())) {
            errors.add(new FieldError("decisionDate", "date-order", "the decision is dated after its notice"));
        }
        ProblemException.throwIfAny("notice", errors);
        if (supervision) {
            if (n.team() != null) {
                writeTeam(i, n.team(), false);
            }
            i.decisionNumber = n.decisionNumber() == null ? null : n.decisionNumber().strip();
            i.decisionDate = n.decisionDate();
            i.openedOn = n.decisionDate() != null ? n.decisionDate() : n.on();
        }
        i.notifiedOn = n.on();
        move(i, Action.NOTIFY, to, n.on(), n.summary(), null);
        events.progress(i, supervision ? EventTypes.INSPECTION_SCHEDULED : EventTypes.INSPECTION_STARTED, i.updatedAt);
        return i;
    }

    /** A step whose record is a date, a summary and a document: self-report, draft report, hearing, follow-up, archive. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Inspection step(OrgUnitCopy actorUnit, UUID id, long version, Action action, InspectionRequests.StepRecord r) {
        Inspection i = lockVisible(actorUnit, id, version);
        act(i, actorUnit, action);
        Status to = InspectionWorkflow.next(i.activity, i.status, action);
        List<FieldError> errors = new ArrayList<>();
        InspectionRules.stepDate(r.on(), "on", lastStepDate(i), today(), errors);
        ProblemException.throwIfAny("step", errors);
        if (action == Action.ARCHIVE) {
            long open = RemediationItem.count("inspectionId = ?1 and status <> ?2", i.id, RemediationStatus.DONE);
            if (open > 0) {
                throw ProblemException.conflict("status", "remediation-done", open + " remediation item(s) are not done yet");
            }
        }
        move(i, action, to, r.on(), r.summary(), r.document());
        if (action == Action.SELF_REPORT_RECEIVED && i.activity == Activity.SUPERVISION) {
            events.progress(i, EventTypes.INSPECTION_STARTED, i.updatedAt);
        }
        return i;
    }

    /** A verification entry (documents, interviews) or a supervision's working session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Inspection verify(OrgUnitCopy actorUnit, UUID id, long version, InspectionRequests.VerificationEntry e) {
        Inspection i = lockVisible(actorUnit, id, version);
        act(i, actorUnit, Action.VERIFY);
        Status to = InspectionWorkflow.next(i.activity, i.status, Action.VERIFY);
        List<FieldError> errors = new ArrayList<>();
        InspectionRules.stepDate(e.on(), "on", lastStepDate(i), today(), errors);
        if ((e.kind() == InspectionCodes.VerificationKind.WORKING_SESSION) != (i.activity == Activity.SUPERVISION)) {
            errors.add(new FieldError("kind", "verification-kind", i.activity == Activity.SUPERVISION
                    ? "a supervision records WORKING_SESSION entries" : "an inspection records DOCUMENT, INTERVIEW or SUPPLEMENT entries"));
        }
        ProblemException.throwIfAny("verification entry", errors);
        InspectionParts.Verification v = new InspectionParts.Verification();
        v.inspectionId = i.id;
        v.kind = e.kind();
        v.onDate = e.on();
        v.summary = VietnameseText.normalise(e.summary());
        v.reference = VietnameseText.normalise(e.reference());
        v.actor = caller.subject();
        v.persist();
        move(i, Action.VERIFY, to, e.on(), e.summary(), e.reference());
        return i;
    }

    /**
     * The deciding body's conclusion (an inspection: HEARD → CONCLUDED) or a supervision's result notice (WORKING →
     * RESULT_NOTICE): its content, violations, remediation and amounts; concluded, and one violation-found event per
     * violation that warrants discipline.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Inspection conclude(OrgUnitCopy actorUnit, UUID id, long version, Action action, InspectionRequests.Conclusion c) {
        Inspection i = lockVisible(actorUnit, id, version);
        RuleSet rules = act(i, actorUnit, action);
        Status to = InspectionWorkflow.next(i.activity, i.status, action);
        List<InspectionParts.Subject> subjects = InspectionParts.Subject.of(i.id);
        InspectionRules.Directory dir = directory(List.of(), c.violations() == null ? List.of()
                : c.violations().stream().map(InspectionRequests.ViolationEntry::subjectMemberId).filter(Objects::nonNull).toList());
        subjects.forEach(s -> dir.units().computeIfAbsent(s.orgUnitId, unit -> OrgUnitCopy.findById(unit)));
        InspectionRules.CheckedConclusion checked = InspectionRules.checkConclusion(i, c, action == Action.ISSUE_RESULT,
                subjects, dir, rules, lastStepDate(i), today());
        i.concludedOn = c.concludedOn();
        i.strengths = VietnameseText.normalise(c.strengths());
        i.shortcomings = VietnameseText.normalise(c.shortcomings());
        i.causes = VietnameseText.normalise(c.causes());
        i.responsibility = VietnameseText.normalise(c.responsibility());
        i.signsOfViolation = VietnameseText.normalise(c.signsOfViolation());
        if (c.finance() != null) {
            i.amountFound = c.finance().amountFound();
            i.amountToRecover = c.finance().amountToRecover();
        }
        if (c.notice() != null) {
            setNotice(i, c.notice());
        }
        List<InspectionParts.Violation> violations = writeViolations(i, checked.violations());
        writeRemediation(i, checked.remediation());
        move(i, action, to, c.concludedOn(), null, c.notice() == null ? null : c.notice().noticeNumber());
        events.progress(i, EventTypes.INSPECTION_CONCLUDED, i.updatedAt);
        events.violationsFound(i, violations);
        return i;
    }

    /** The conclusion notice: number, date, recipients and publication scope. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Inspection issueNotice(OrgUnitCopy actorUnit, UUID id, long version, InspectionRequests.NoticeContent n) {
        Inspection i = lockVisible(actorUnit, id, version);
        act(i, actorUnit, Action.ISSUE_NOTICE);
        Status to = InspectionWorkflow.next(i.activity, i.status, Action.ISSUE_NOTICE);
        List<FieldError> errors = new ArrayList<>();
        InspectionRules.stepDate(n.noticeDate(), "noticeDate", lastStepDate(i), today(), errors);
        ProblemException.throwIfAny("notice", errors);
        setNotice(i, n);
        move(i, Action.ISSUE_NOTICE, to, n.noticeDate(), null, n.noticeNumber());
        return i;
    }

    /**
     * A supervision's signs of violation become an inspection proposal (KT DHVP) for the competent body: the
     * supervising unit or one above it, never a staff agency (DOMAIN §7.9). The proposal is a PLANNED inspection with
     * the supervision as its origin; the competent body decides it or not. Its subjects lie within the supervising
     * unit whichever body is competent: a unit proposes about what it supervises, not about its siblings.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Inspection proposeInspection(OrgUnitCopy actorUnit, UUID id, long version, InspectionRequests.Proposal p) {
        Inspection s = lockVisible(actorUnit, id, version);
        act(s, actorUnit, Action.PROPOSE_INSPECTION);
        Status to = InspectionWorkflow.next(s.activity, s.status, Action.PROPOSE_INSPECTION);
        if (s.signsOfViolation == null || s.signsOfViolation.isBlank()) {
            throw ProblemException.ruleViolated("signsOfViolation", "signs-of-violation-found",
                    "the result notice recorded no signs of violation, and only signs of violation lead to a proposal (DOMAIN §5)");
        }
        OrgUnitCopy supervising = OrgUnitCopy.findById(s.decidingUnitId);
        OrgUnitCopy competent = p.competentUnitId() == null ? supervising : OrgUnitCopy.findById(p.competentUnitId());
        if (competent == null || !competent.contains(supervising)) {
            throw ProblemException.ruleViolated("competentUnitId", "competent-unit",
                    "the competent body is the supervising unit or a unit above it");
        }
        LocalDate today = today();
        RuleSet rules = ruleSets.inForce(RULE_DOMAIN, today);
        List<InspectionRequests.SubjectRef> refs = p.subjects() != null && !p.subjects().isEmpty() ? p.subjects()
                : InspectionParts.Subject.of(s.id).stream().map(x -> new InspectionRequests.SubjectRef(x.type,
                x.type == SubjectType.ORG_UNIT ? x.orgUnitId : null, x.memberId)).toList();
        InspectionRequests.Draft draft = new InspectionRequests.Draft(Kind.INSPECTION_ON_SIGNS, competent.id, p.decidingBody(),
                p.title() != null ? p.title() : "Kiểm tra khi có dấu hiệu vi phạm: " + s.title, p.content(), s.periodFrom, s.periodTo,
                s.fields == null ? null : Arrays.stream(s.fields).map(InspectionCodes.Field::valueOf).toList(), null, null, refs);
        List<InspectionRules.ResolvedSubject> subjects = InspectionRules.checkDraft(draft, competent, supervising,
                directory(refs, List.of()), null, rules, today);
        Instant now = Instant.now(clock);
        Inspection i = new Inspection();
        i.id = UUID.randomUUID();
        i.activity = Activity.INSPECTION;
        i.status = Status.PLANNED;
        i.ruleSetId = rules.id();
        i.version = 1;
        i.createdBy = caller.subject();
        i.createdAt = now;
        i.updatedAt = now;
        setContent(i, draft, competent, null, subjects);
        i.originType = OriginType.SUPERVISION;
        i.originId = s.id;
        i.persist();
        writeSubjects(i, subjects);
        record(i, "PROPOSED", null, Status.PLANNED, today, p.content(), null);
        s.proposedInspectionId = i.id;
        move(s, Action.PROPOSE_INSPECTION, to, today, p.content(), null);
        return s;
    }

    /** An amount recovered after a party finance inspection; the total stays within the amount to recover. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Inspection recordRecovery(OrgUnitCopy actorUnit, UUID id, long version, InspectionRequests.Recovery r) {
        Inspection i = lockVisible(actorUnit, id, version);
        act(i, actorUnit, Action.RECORD_RECOVERY);
        Status to = InspectionWorkflow.next(i.activity, i.status, Action.RECORD_RECOVERY);
        List<FieldError> errors = new ArrayList<>();
        if (i.kind != Kind.FINANCE_INSPECTION) {
            errors.add(new FieldError("amount", "finance-amounts", "only a party finance inspection recovers amounts"));
        } else if (i.amountRecovered + r.amount() > i.amountToRecover) {
            errors.add(new FieldError("amount", "recovered-within-amount", "recovered " + i.amountRecovered + " of "
                    + i.amountToRecover + "; " + r.amount() + " more exceeds the amount to recover"));
        }
        InspectionRules.stepDate(r.on(), "on", i.concludedOn, today(), errors);
        ProblemException.throwIfAny("recovery", errors);
        InspectionParts.Recovery rec = new InspectionParts.Recovery();
        rec.inspectionId = i.id;
        rec.onDate = r.on();
        rec.amount = r.amount();
        rec.note = VietnameseText.normalise(r.note());
        rec.actor = caller.subject();
        rec.at = Instant.now(clock);
        rec.persist();
        i.amountRecovered += r.amount();
        move(i, Action.RECORD_RECOVERY, to, r.on(), r.note(), String.valueOf(r.amount()));
        return i;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Inspection cancel(OrgUnitCopy actorUnit, UUID id, long version, InspectionRequests.Cancellation c) {
        Inspection i = lockVisible(actorUnit, id, version);
        act(i, actorUnit, Action.CANCEL);
        Status to = InspectionWorkflow.next(i.activity, i.status, Action.CANCEL);
        List<FieldError> errors = new ArrayList<>();
        InspectionRules.stepDate(c.on(), "on", null, today(), errors);
        ProblemException.throwIfAny("cancellation", errors);
        move(i, Action.CANCEL, to, c.on(), c.reason(), null);
        return i;
    }

    /** 403 unless the caller may take the action; returns the inspection's rule set. */
    private RuleSet act(Inspection i, OrgUnitCopy actorUnit, Action action) {
        RuleSet rules = ruleSets.byId(i.ruleSetId).orElseThrow();
        authority.requireAllowed(i, actorUnit, InspectionWorkflow.actor(i.activity, action), rules);
        return rules;
    }

    private Inspection lockVisible(OrgUnitCopy actorUnit, UUID id, long expectedVersion) {
        Inspection i = authority.requireVisible(actorUnit, id, em.find(Inspection.class, id, LockModeType.PESSIMISTIC_WRITE));
        if (expectedVersion != i.version) {
            throw ProblemException.staleVersion(i.version);
        }
        return i;
    }

    /** The org units and members a request names, from the local copies (and the members' units). */
    private static InspectionRules.Directory directory(List<InspectionRequests.SubjectRef> refs, List<UUID> moreMembers) {
        Set<UUID> unitIds = new HashSet<>();
        Set<UUID> memberIds = new HashSet<>(moreMembers);
        for (InspectionRequests.SubjectRef r : refs) {
            if (r.orgUnitId() != null) {
                unitIds.add(r.orgUnitId());
            }
            if (r.memberId() != null) {
                memberIds.add(r.memberId());
            }
        }
        Map<UUID, MemberCopy> members = memberIds.isEmpty() ? Map.of() : MemberCopy.<MemberCopy>list("id in ?1", memberIds)
                .stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        members.values().forEach(m -> unitIds.add(m.unitId));
        Map<UUID, OrgUnitCopy> units = unitIds.isEmpty() ? new java.util.HashMap<>() : OrgUnitCopy.<OrgUnitCopy>list("id in ?1", unitIds)
                .stream().collect(Collectors.toMap(u -> u.id, Function.identity(), (a, b) -> a, java.util.HashMap::new));
        return new InspectionRules.Directory(units, members);
    }

    private static void setContent(Inspection i, InspectionRequests.Draft d, OrgUnitCopy unit, PlanItemCopy planItem,
                                   List<InspectionRules.ResolvedSubject> subjects) {
        i.kind = d.kind();
        i.decidingUnitId = unit.id;
        i.decidingBody = d.decidingBody();
        i.title = VietnameseText.normalise(d.title());
        i.titleFolded = VietnameseText.fold(d.title());
        i.content = VietnameseText.normalise(d.content());
        i.periodFrom = d.periodFrom();
        i.periodTo = d.periodTo();
        i.fields = d.fields() == null ? new String[0] : d.fields().stream().distinct().map(Enum::name).toArray(String[]::new);
        i.planItemId = planItem == null ? null : planItem.itemId;
        i.planId = planItem == null ? null : planItem.planId;
        i.subjectOrgUnits = (int) subjects.stream().filter(s -> s.type() == SubjectType.ORG_UNIT).count();
        i.subjectMembers = (int) subjects.stream().filter(s -> s.type() == SubjectType.MEMBER).count();
        i.subjectCommitteeMembers = (int) subjects.stream().filter(InspectionRules.ResolvedSubject::committeeMember).count();
    }

    /** The origin the request names, else the plan item it carries out, else the body's own initiative. */
    private static void setOrigin(Inspection i, InspectionRequests.OriginRef origin, PlanItemCopy planItem) {
        i.originType = origin != null ? origin.type() : planItem != null ? OriginType.PLAN_ITEM : OriginType.OWN_INITIATIVE;
        i.originId = origin != null ? origin.id() : planItem != null ? planItem.itemId : null;
    }

    private static void writeSubjects(Inspection i, List<InspectionRules.ResolvedSubject> subjects) {
        for (int n = 0; n < subjects.size(); n++) {
            InspectionRules.ResolvedSubject r = subjects.get(n);
            InspectionParts.Subject s = new InspectionParts.Subject();
            s.inspectionId = i.id;
            s.seq = n;
            s.type = r.type();
            s.orgUnitId = r.orgUnitId();
            s.memberId = r.memberId();
            s.name = r.name();
            s.committeeMember = r.committeeMember();
            s.persist();
        }
    }

    private void writeTeam(Inspection i, List<InspectionRequests.TeamMemberRef> team, boolean leaderRequired) {
        List<InspectionRequests.TeamMemberRef> refs = team;
        Map<UUID, MemberCopy> members = MemberCopy.<MemberCopy>list("id in ?1", refs.stream()
                        .map(InspectionRequests.TeamMemberRef::memberId).filter(Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<InspectionRules.ResolvedSubject> subjects = InspectionParts.Subject.of(i.id).stream()
                .map(s -> new InspectionRules.ResolvedSubject(s.type, s.orgUnitId, s.memberId, s.name, s.committeeMember)).toList();
        List<InspectionRules.ResolvedTeamMember> resolved = InspectionRules.checkTeam(refs, leaderRequired, subjects, members);
        InspectionParts.TeamMember.delete("inspectionId", i.id);
        em.flush();
        for (int n = 0; n < resolved.size(); n++) {
            InspectionParts.TeamMember t = new InspectionParts.TeamMember();
            t.inspectionId = i.id;
            t.seq = n;
            t.memberId = resolved.get(n).memberId();
            t.fullName = VietnameseText.normalise(resolved.get(n).fullName());
            t.role = resolved.get(n).role();
            t.persist();
        }
    }

    private static List<InspectionParts.Violation> writeViolations(Inspection i, List<InspectionRules.ResolvedViolation> found) {
        List<InspectionParts.Violation> out = new ArrayList<>();
        for (int n = 0; n < found.size(); n++) {
            InspectionRules.ResolvedViolation r = found.get(n);
            InspectionParts.Violation v = new InspectionParts.Violation();
            v.id = UUID.randomUUID();
            v.inspectionId = i.id;
            v.seq = n;
            v.subjectType = r.subjectType();
            v.subjectOrgUnitId = r.orgUnitId();
            v.subjectMemberId = r.memberId();
            v.subjectName = r.subjectName();
            v.act = VietnameseText.normalise(r.entry().act());
            v.article = VietnameseText.normalise(r.entry().article());
            v.actFrom = r.entry().actFrom();
            v.actTo = r.entry().actTo();
            v.continuing = r.entry().continuing();
            v.warrantsDiscipline = r.entry().warrantsDiscipline();
            v.persist();
            out.add(v);
        }
        i.violations = out.size();
        i.violationsForDiscipline = (int) out.stream().filter(v -> v.warrantsDiscipline).count();
        return out;
    }

    private void writeRemediation(Inspection i, List<InspectionRules.ResolvedRemediation> items) {
        for (int n = 0; n < items.size(); n++) {
            InspectionRules.ResolvedRemediation r = items.get(n);
            RemediationItem item = new RemediationItem();
            item.id = UUID.randomUUID();
            item.inspectionId = i.id;
            item.seq = n;
            item.ownerUnitId = r.ownerUnitId();
            item.ownerMemberId = r.ownerMemberId();
            item.action = VietnameseText.normalise(r.entry().action());
            item.deadline = r.entry().deadline();
            item.status = RemediationStatus.OPEN;
            item.version = 1;
            item.updatedAt = Instant.now(clock);
            item.persist();
        }
    }

    private static void setNotice(Inspection i, InspectionRequests.NoticeContent n) {
        i.noticeNumber = n.noticeNumber().strip();
        i.noticeDate = n.noticeDate();
        i.noticeRecipients = n.recipients().stream().map(VietnameseText::normalise).toArray(String[]::new);
        i.publicationScope = n.publicationScope();
    }

    private LocalDate lastStepDate(Inspection i) {
        // recording, editing and proposing carry the day they were entered, not a day of the work
        Object last = em.createNativeQuery("SELECT max(on_date) FROM inspection_step WHERE inspection_id = ?1"
                        + " AND action NOT IN ('CREATE', 'EDIT', 'PROPOSED')")
                .setParameter(1, i.id).getSingleResult();
        return last == null ? null : last instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) last;
    }

    private void move(Inspection i, Action action, Status to, LocalDate on, String summary, String document) {
        Status from = i.status;
        i.status = to;
        changed(i);
        record(i, action.name(), from, to, on, summary, document);
    }

    private void record(Inspection i, String action, Status from, Status to, LocalDate on, String summary, String document) {
        InspectionParts.Step s = new InspectionParts.Step();
        s.inspectionId = i.id;
        s.fill(action, on, summary, caller.subject(), i.updatedAt);
        s.fromStatus = from == null ? to : from;
        s.toStatus = to;
        s.document = VietnameseText.normalise(document);
        s.persist();
        audit.record("inspection." + action.toLowerCase(), "inspection", i.id,
                Map.of("status", to.name(), "on", on.toString(), "version", i.version));
    }

    private void changed(Inspection i) {
        i.version++;
        i.updatedAt = Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
