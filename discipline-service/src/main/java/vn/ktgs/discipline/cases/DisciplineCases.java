package vn.ktgs.discipline.cases;

import vn.ktgs.kit.discipline.FormAuthority;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.OriginType;
import vn.ktgs.discipline.cases.DisciplineCodes.SelfCriticism;
import vn.ktgs.discipline.cases.DisciplineCodes.Source;
import vn.ktgs.discipline.cases.DisciplineCodes.Status;
import vn.ktgs.kit.discipline.DisciplineTerms.SubjectCategory;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.discipline.cases.DisciplineCodes.ViolationGroup;
import vn.ktgs.discipline.cases.DisciplineWorkflow.Action;
import vn.ktgs.events.AppealDecided;
import vn.ktgs.events.AppealFiled;
import vn.ktgs.events.DenunciationConcluded;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.InspectionViolationFound;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.inbox.InvalidEventException;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Discipline cases, the commands. Each locks the case, checks the caller ({@link DisciplineAuthority}) and the state
 * machine ({@link DisciplineWorkflow}), then the rules ({@link DisciplineRules}, {@link FormAuthority},
 * {@link VoteTally}, {@link Limitation}, {@link DisciplineEffect}), and writes the change, the step's record, its
 * events and an audit record in one transaction.
 */
@ApplicationScoped
public class DisciplineCases {
    public static final String RULE_DOMAIN = FormAuthority.RULE_DOMAIN;
    private static final Set<Status> APPEALABLE = Set.of(Status.ANNOUNCED, Status.REPORTED_UP, Status.EFFECT_ENDED);
    private static final Set<Status> PENDING = Set.of(Status.OPENED, Status.DEFERRED, Status.SELF_CRITICISM, Status.HEARD,
            Status.VOTED, Status.DECIDED);
    /**
     * Cases whose acts restart no other case's limitation: ended without discipline or annulled on appeal, no violation
     * warranting discipline stands; proposed up, the case above holds the same acts and their outcome.
     */
    private static final Set<Status> NO_NEW_VIOLATION = Set.of(Status.NOT_DISCIPLINED, Status.ANNULLED, Status.PROPOSED_UP);

    private final EntityManager em;
    private final DisciplineAuthority authority;
    private final DisciplineEvents events;
    private final Audit audit;
    private final RuleSets ruleSets;
    private final Caller caller;
    private final Clock clock;

    DisciplineCases(EntityManager em, DisciplineAuthority authority, DisciplineEvents events, Audit audit, RuleSets ruleSets,
                    Caller caller, Clock clock) {
        this.em = em;
        this.authority = authority;
        this.events = events;
        this.audit = audit;
        this.ruleSets = ruleSets;
        this.caller = caller;
        this.clock = clock;
    }

    /** Opens a case at the caller's unit, before the body the draft names. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase create(OrgUnitCopy actorUnit, DisciplineRequests.Draft d) {
        RuleSet rules = ruleSets.inForce(RULE_DOMAIN, today());
        authority.requireRecorder(rules);
        MemberCopy member = d.subjectMemberId() == null ? null : MemberCopy.findById(d.subjectMemberId());
        checkDraft(d, actorUnit, member, rules);
        Instant now = Instant.now(clock);
        DisciplineCase c = new DisciplineCase();
        c.id = UUID.randomUUID();
        c.subjectType = d.subjectType();
        c.decidingUnitId = actorUnit.id;
        c.decidingBody = d.decidingBody();
        c.source = d.source();
        c.originType = d.originType() == null ? OriginType.OWN_INITIATIVE : d.originType();
        c.originId = d.originId();
        c.status = Status.OPENED;
        c.ruleSetId = rules.id();
        c.version = 1;
        c.createdBy = caller.subject();
        c.createdAt = now;
        c.updatedAt = now;
        setContent(c, d, member);
        c.persist();
        writeActs(c, d.acts());
        record(c, "OPEN", null, Status.OPENED, today(), c.summary, null);
        return c;
    }

    /** The whole content while OPENED; the subject and the body stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase update(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.Draft d) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        RuleSet rules = act(c, actorUnit, Action.EDIT);
        DisciplineWorkflow.next(c.status, Action.EDIT);
        if (d.subjectType() != c.subjectType || d.decidingBody() != c.decidingBody
                || (c.subjectType == SubjectType.MEMBER ? !c.subjectMemberId.equals(d.subjectMemberId()) : !c.subjectOrgUnitId.equals(d.subjectOrgUnitId()))) {
            throw ProblemException.ruleViolated("subjectType", "subject-fixed", "a case keeps its subject and body; open another case instead");
        }
        MemberCopy member = d.subjectMemberId() == null ? null : MemberCopy.findById(d.subjectMemberId());
        checkDraft(d, OrgUnitCopy.findById(c.decidingUnitId), member, rules);
        setContent(c, d, member);
        c.source = d.source();
        c.originType = d.originType() == null ? c.originType : d.originType();
        c.originId = d.originType() == null ? c.originId : d.originId();
        DisciplineParts.Act.delete("caseId", c.id);
        em.flush();
        writeActs(c, d.acts());
        move(c, Action.EDIT.name(), c.status, today(), null, null);
        return c;
    }

    /**
     * A violation an inspection's conclusion found to warrant discipline: a case before the inspecting body, one per
     * subject of the inspection, with each such violation as an act. A repeated event changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openFromInspection(InspectionViolationFound v) {
        EventSubject subject = new EventSubject(SubjectType.valueOf(v.subjectType()), v.subjectMemberId(), v.subjectOrgUnitId(), v.subjectName());
        DisciplineCase c = findOrOpen(subject, Source.INSPECTION, OriginType.INSPECTION, v.inspectionId(), v.decidingUnitId(),
                bodyOf(v.decidingBody()), v.decidedOn(), v.concludedOn(), "Vi phạm phát hiện qua kiểm tra: " + v.act());
        if (DisciplineParts.Act.count("caseId = ?1 and violationId = ?2", c.id, v.violationId()) == 0) {
            addAct(c, v.violationId(), v.act(), v.article(), v.actFrom(), v.continuing() ? null : v.actTo());
        }
    }

    /**
     * A founded (or partly founded) denunciation: a case before the handling body for each accused whose violations
     * warrant discipline, with those violations as its acts. An unfounded one, or a repeated event, changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openFromDenunciation(DenunciationConcluded d) {
        if ("UNFOUNDED".equals(d.outcome())) {
            return;
        }
        for (DenunciationConcluded.Accused a : d.accused()) {
            if (!a.warrantsDiscipline() || a.violations() == null || a.violations().isEmpty()) {
                continue;
            }
            EventSubject subject = new EventSubject(SubjectType.valueOf(a.type()), a.memberId(), a.orgUnitId(), a.name());
            DisciplineCase c = findOrOpen(subject, Source.DENUNCIATION, OriginType.DENUNCIATION, d.denunciationId(), d.handlingUnitId(),
                    bodyOf(d.handlingBody()), null, d.concludedOn(), "Vi phạm kết luận qua giải quyết tố cáo: " + a.violations().get(0).act());
            if (DisciplineParts.Act.count("caseId", c.id) == 0) {
                for (DenunciationConcluded.Violation v : a.violations()) {
                    addAct(c, null, v.act(), v.article(), v.actFrom(), v.continuing() ? null : v.actTo());
                }
            }
        }
    }

    /** The subject an event names: a member (with the unit) or an org unit, and its name. */
    private record EventSubject(SubjectType type, UUID memberId, UUID orgUnitId, String name) {
        UUID id() {
            return type == SubjectType.MEMBER ? memberId : orgUnitId;
        }
    }

    /** The case an event's origin opened for this subject, or a new OPENED one; serialised per origin and subject. */
    private DisciplineCase findOrOpen(EventSubject subject, Source source, OriginType originType, UUID originId, UUID unitId, Body body,
                                      LocalDate decisionToInspectOn, LocalDate concludedOn, String summary) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, originId + "/" + subject.id()).getSingleResult();
        Optional<DisciplineCase> existing = DisciplineCase.<DisciplineCase>find("originType = ?1 and originId = ?2 and subjectType = ?3 and "
                + (subject.type() == SubjectType.MEMBER ? "subjectMemberId" : "subjectOrgUnitId") + " = ?4",
                originType, originId, subject.type(), subject.id()).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDate on = concludedOn != null ? concludedOn : today();
        Instant now = Instant.now(clock);
        DisciplineCase c = new DisciplineCase();
        c.id = UUID.randomUUID();
        c.subjectType = subject.type();
        c.subjectMemberId = subject.memberId();
        c.subjectOrgUnitId = subject.orgUnitId();
        c.subjectName = subject.name();
        c.decidingUnitId = unitId;
        c.decidingBody = body;
        c.source = source;
        c.originType = originType;
        c.originId = originId;
        c.summary = VietnameseText.normalise(summary.length() > 2000 ? summary.substring(0, 2000) : summary);
        c.summaryFolded = VietnameseText.fold(c.summary);
        c.mitigating = new String[0];
        c.aggravating = new String[0];
        c.decisionToInspectOn = decisionToInspectOn;
        c.concludedOn = concludedOn;
        c.status = Status.OPENED;
        c.ruleSetId = ruleSets.inForce(RULE_DOMAIN, on).id();
        c.version = 1;
        c.createdBy = actor();
        c.createdAt = now;
        c.updatedAt = now;
        c.persist();
        record(c, "OPEN", null, Status.OPENED, on, c.summary, null);
        return c;
    }

    /** An act from an event; its group is OTHER until an officer sets it. */
    private void addAct(DisciplineCase c, UUID violationId, String act, String article, LocalDate from, LocalDate to) {
        DisciplineParts.Act a = new DisciplineParts.Act();
        a.caseId = c.id;
        a.seq = (int) DisciplineParts.Act.count("caseId", c.id);
        a.act = VietnameseText.normalise(act);
        a.article = article;
        a.group = ViolationGroup.OTHER;
        a.actFrom = from;
        a.actTo = to;
        a.continuing = to == null;
        a.violationId = violationId;
        a.persist();
        if (a.seq > 0) {
            changed(c);
        }
    }

    /** Deferral on a ground of §6: no step but the resumption until then. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase defer(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.Deferral d) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        RuleSet rules = act(c, actorUnit, Action.DEFER);
        Status to = DisciplineWorkflow.next(c.status, Action.DEFER);
        List<FieldError> errors = new ArrayList<>();
        DisciplineRules.checkDeferral(d, rules, errors);
        DisciplineRules.stepDate(d.on(), "on", lastStepDate(c), today(), errors);
        ProblemException.throwIfAny("deferral", errors);
        c.statusBeforeDeferral = c.status;
        c.deferralGround = d.ground();
        c.deferredUntil = d.until();
        move(c, Action.DEFER.name(), to, d.on(), d.summary(), d.document());
        return c;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase resume(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.StepRecord r) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        act(c, actorUnit, Action.RESUME);
        DisciplineWorkflow.next(c.status, Action.RESUME);
        checkStepDate(c, r.on());
        Status back = c.statusBeforeDeferral;
        c.statusBeforeDeferral = null;
        move(c, Action.RESUME.name(), back, r.on(), r.summary(), r.document());
        return c;
    }

    /** The self-criticism, or its documented refusal: the member is processed either way (§5). */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase selfCriticism(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.SelfCriticismRecord s) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        RuleSet rules = act(c, actorUnit, Action.SELF_CRITICISM_RECORDED);
        Status to = DisciplineWorkflow.next(c.status, Action.SELF_CRITICISM_RECORDED);
        List<FieldError> errors = new ArrayList<>();
        DisciplineRules.checkSelfCriticism(s, errors);
        DisciplineRules.stepDate(s.on(), "on", lastStepDate(c), today(), errors);
        if (s.proposedForm() != null) {
            addIfNotNull(errors, DisciplineRules.formFits(rules, c.subjectType, member(c), s.proposedForm(), c.especiallySerious, s.on(), "proposedForm"));
        }
        ProblemException.throwIfAny("self-criticism", errors);
        c.selfCriticism = s.outcome();
        c.selfProposedForm = s.outcome() == SelfCriticism.MADE ? s.proposedForm() : null;
        move(c, Action.SELF_CRITICISM_RECORDED.name(), to, s.on(), s.summary(), s.document());
        return c;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase hear(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.Hearing h) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        act(c, actorUnit, Action.HEAR);
        Status to = DisciplineWorkflow.next(c.status, Action.HEAR);
        checkStepDate(c, h.on());
        c.heardOn = h.on();
        move(c, Action.HEAR.name(), to, h.on(), "Nghe ý kiến: " + h.heardBy() + (h.summary() == null ? "" : ". " + h.summary()), h.document());
        return c;
    }

    /**
     * The secret ballot: checked (§7.3), counted ({@link VoteTally}) and kept per form with its denominator. Without a
     * result, and without an expulsion proposal to send up, the case ends without discipline.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase vote(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.Ballot b) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        RuleSet rules = act(c, actorUnit, Action.VOTE);
        Status to = DisciplineWorkflow.next(c.status, Action.VOTE);
        List<FieldError> errors = new ArrayList<>();
        DisciplineRules.stepDate(b.on(), "on", lastStepDate(c), today(), errors);
        int denominator = DisciplineRules.checkBallot(b, errors);
        MemberCopy member = member(c);
        for (int i = 0; i < b.votes().size(); i++) {
            addIfNotNull(errors, DisciplineRules.formFits(rules, c.subjectType, member, b.votes().get(i).form(), c.especiallySerious,
                    b.on(), "votes[" + i + "].form"));
        }
        ProblemException.throwIfAny("ballot", errors);
        Map<Form, Integer> yes = new EnumMap<>(Form.class);
        b.votes().forEach(v -> yes.put(v.form(), v.yes()));
        Set<Form> allowed = allowedForms(c, rules, OrgUnitCopy.findById(c.decidingUnitId), c.decidingBody, b.on());
        VoteTally.Result tally = VoteTally.count(rules, DisciplineRules.formsOf(rules, c.subjectType), yes, denominator,
                allowed.contains(Form.EXPULSION));
        for (DisciplineRequests.FormVotes v : b.votes()) {
            DisciplineParts.Vote row = new DisciplineParts.Vote();
            row.caseId = c.id;
            row.form = v.form();
            row.yes = v.yes();
            row.persist();
        }
        if (b.excluded() != null) {
            for (DisciplineRequests.Excluded e : b.excluded()) {
                DisciplineParts.VoteExclusion row = new DisciplineParts.VoteExclusion();
                row.caseId = c.id;
                row.reason = e.reason();
                row.members = e.members();
                row.persist();
            }
        }
        c.voteOn = b.on();
        c.voteOfficial = b.official();
        c.voteDenominator = denominator;
        c.voteResultForm = tally.result();
        c.expulsionProposalReached = tally.expulsionProposalReached();
        if (c.concludedOn == null) {
            c.concludedOn = b.on();
        }
        boolean nothingToDo = tally.result() == null && !tally.expulsionProposed();
        move(c, Action.VOTE.name(), nothingToDo ? Status.NOT_DISCIPLINED : to, b.on(), tallySummary(tally, denominator), b.document());
        return c;
    }

    /**
     * The decision on the vote's form, by a body with authority for it (§7.2), on a form that fits the subject (§7.1),
     * after the limitation check (§6): an expired case is recorded as decided but is not executed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase decide(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.Decision d) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        RuleSet rules = act(c, actorUnit, Action.DECIDE);
        Status to = DisciplineWorkflow.next(c.status, Action.DECIDE);
        List<FieldError> errors = new ArrayList<>();
        DisciplineRules.stepDate(d.on(), "on", lastStepDate(c), today(), errors);
        ProblemException.throwIfAny("decision", errors);
        OrgUnitCopy unit = OrgUnitCopy.findById(c.decidingUnitId);
        Form form = c.voteResultForm;
        if (c.expulsionProposalReached != null) {
            throw ProblemException.ruleViolated("form", "authority", "the body voted on expulsion, which it cannot decide: the file goes up ("
                    + "propose-up), whether or not two thirds proposed it");
        }
        if (!allowedForms(c, rules, unit, c.decidingBody, d.on()).contains(form)) {
            throw ProblemException.ruleViolated("form", "authority", "the " + c.decidingBody + " of this unit may not decide " + form
                    + " for this subject" + proposalHint(c, rules, unit, form, d.on()) + "; it proposes up");
        }
        List<FieldError> fit = new ArrayList<>();
        addIfNotNull(fit, DisciplineRules.formFits(rules, c.subjectType, member(c), form, c.especiallySerious, d.on(), "form"));
        ProblemException.throwIfAny("decision", fit);
        LocalDate endPoint = "CONCLUSION".equals(Limitation.endPointOf(rules)) ? c.concludedOn
                : c.decisionToInspectOn != null ? c.decisionToInspectOn : c.voteOn;
        Limitation.Result limitation = Limitation.check(rules, c.subjectType, form,
                DisciplineParts.Act.of(c.id).stream().map(DisciplineParts.Act::forCount).toList(),
                DisciplineParts.Act.ofSubjectsOtherCases(c, NO_NEW_VIOLATION).stream().map(DisciplineParts.Act::forCount).toList(),
                endPoint, ruleSets.workingDays());
        c.decisionNumber = d.decisionNumber().strip();
        c.decidedOn = d.on();
        c.decidedForm = form;
        c.limitationLastDay = limitation.lastDay();
        c.limitationExpired = limitation.expired();
        move(c, Action.DECIDE.name(), limitation.expired() ? Status.LIMITATION_EXPIRED : to, d.on(), d.summary(), c.decisionNumber);
        return c;
    }

    /**
     * A body without authority for the vote's form (or a cell that voted on expulsion) sends the file up: a new case
     * opens before the body the rules name, and this one records where it went.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase proposeUp(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.StepRecord r) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        RuleSet rules = act(c, actorUnit, Action.PROPOSE_UP);
        Status to = DisciplineWorkflow.next(c.status, Action.PROPOSE_UP);
        checkStepDate(c, r.on());
        OrgUnitCopy unit = OrgUnitCopy.findById(c.decidingUnitId);
        Form form = c.expulsionProposalReached != null ? Form.EXPULSION : c.voteResultForm;
        if (c.expulsionProposalReached == null && allowedForms(c, rules, unit, c.decidingBody, r.on()).contains(form)) {
            throw ProblemException.ruleViolated("form", "propose-only-without-authority", "the " + c.decidingBody
                    + " may decide " + form + " for this subject itself");
        }
        FormAuthority.Seat target = FormAuthority.proposalTarget(rules, new FormAuthority.Seat(unit, c.decidingBody), form,
                (u, body) -> allowedForms(c, rules, u, body, r.on()), uid -> OrgUnitCopy.findById(uid)).orElseThrow(() ->
                ProblemException.ruleViolated("form", "competent-body-exists", "no body above in the directory copy may decide " + form
                        + " for this subject"));
        DisciplineCase up = proposal(c, target, form);
        c.proposedToUnitId = up.decidingUnitId;
        c.proposedToBody = up.decidingBody;
        c.proposalCaseId = up.id;
        move(c, Action.PROPOSE_UP.name(), to, r.on(), r.summary(), r.document());
        return c;
    }

    /** The announcement: the decision takes effect (for a cell, at the announcement of the vote), the appeal window opens. */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase announce(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.StepRecord r) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        RuleSet rules = act(c, actorUnit, Action.ANNOUNCE);
        Status to = DisciplineWorkflow.next(c.status, Action.ANNOUNCE);
        checkStepDate(c, r.on());
        c.announcedOn = r.on();
        c.effectUntil = DisciplineEffect.effectUntil(rules, c.decidedForm, r.on());
        c.appealWindowEnds = DisciplineEffect.appealWindowEnds(rules, r.on(), ruleSets.workingDays()).orElse(null);
        move(c, Action.ANNOUNCE.name(), to, r.on(), r.summary(), r.document());
        events.decided(c, EventTypes.DISCIPLINE_DECIDED, null);
        return c;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DisciplineCase reportUp(OrgUnitCopy actorUnit, UUID id, long version, DisciplineRequests.StepRecord r) {
        DisciplineCase c = lockVisible(actorUnit, id, version);
        act(c, actorUnit, Action.REPORT_UP);
        Status to = DisciplineWorkflow.next(c.status, Action.REPORT_UP);
        checkStepDate(c, r.on());
        c.reportedUpOn = r.on();
        move(c, Action.REPORT_UP.name(), to, r.on(), r.summary(), r.document());
        return c;
    }

    /** An appeal was accepted: the decision stays in force, but its effect waits for the appeal's decision (§6). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appealFiled(AppealFiled a) {
        DisciplineCase c = appealable(a.caseId(), a.appealId());
        if (a.appealId().equals(c.appealPendingId) || a.appealId().equals(c.appealId)) {
            return;
        }
        if (!APPEALABLE.contains(c.status)) {
            throw new InvalidEventException("appeal " + a.appealId() + " on case " + c.id + ", which has no decision in force (" + c.status + ")");
        }
        c.appealPendingId = a.appealId();
        move(c, "APPEAL_FILED", c.status, a.receivedOn(), "Đơn khiếu nại " + a.appealId() + " đang được giải quyết", null);
    }

    private DisciplineCase appealable(UUID caseId, UUID appealId) {
        DisciplineCase c = em.find(DisciplineCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new InvalidEventException("appeal " + appealId + " names no known discipline case " + caseId);
        }
        return c;
    }

    /**
     * Applies an appeal's decision (§3.3): upheld, the effect runs 12 months from the appeal decision; changed, the new
     * form with its own effect from then; annulled, the decision has no effect any more. Announced as
     * {@code discipline.amended}. An appeal found inadmissible (REJECTED) only ends the wait. An appeal already applied changes nothing; a case without an executed decision cannot
     * take one (the event is parked for an operator).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAppeal(AppealDecided a) {
        DisciplineCase c = appealable(a.caseId(), a.appealId());
        if (a.appealId().equals(c.appealId)) {
            return;
        }
        if ("REJECTED".equals(a.outcome())) {
            // inadmissible: the decision and its effect stay as they were
            if (a.appealId().equals(c.appealPendingId)) {
                c.appealPendingId = null;
                move(c, "APPEAL_REJECTED", c.status, a.decidedOn(), "Đơn khiếu nại " + a.appealId() + " không được thụ lý", null);
            }
            return;
        }
        if (!APPEALABLE.contains(c.status)) {
            throw new InvalidEventException("appeal " + a.appealId() + " on case " + c.id + ", which has no decision in force (" + c.status + ")");
        }
        RuleSet rules = ruleSets.byId(c.ruleSetId).orElseThrow();
        Status to = c.status;
        switch (a.outcome()) {
            case "UPHELD" -> c.effectUntil = DisciplineEffect.effectUntil(rules, c.decidedForm, a.decidedOn());
            case "CHANGED" -> {
                Form form;
                try {
                    form = Form.valueOf(String.valueOf(a.newForm()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidEventException("appeal " + a.appealId() + " changed the form to an unknown one: " + a.newForm());
                }
                if (!DisciplineRules.formsOf(rules, c.subjectType).contains(form)) {
                    throw new InvalidEventException("appeal " + a.appealId() + ": " + form + " is not a form for a " + c.subjectType);
                }
                c.decidedForm = form;
                c.effectUntil = DisciplineEffect.effectUntil(rules, form, a.decidedOn());
            }
            case "ANNULLED" -> {
                c.effectUntil = null;
                to = Status.ANNULLED;
            }
            default -> throw new InvalidEventException("appeal " + a.appealId() + " has an unknown outcome " + a.outcome());
        }
        if (to == Status.EFFECT_ENDED && (c.effectUntil == null || !c.effectUntil.isBefore(today()))) {
            to = Status.ANNOUNCED;
            c.effectEndedOn = null;
        }
        c.appealPendingId = null;
        c.appealId = a.appealId();
        c.appealOutcome = a.outcome();
        c.appealDecidedOn = a.decidedOn();
        move(c, "APPEAL_" + a.outcome(), to, a.decidedOn(), "Quyết định giải quyết khiếu nại " + a.appealId(), null);
        events.decided(c, EventTypes.DISCIPLINE_AMENDED, a.outcome());
    }

    /**
     * Ends the effect of the decisions whose last day in effect is before {@code today}, unless an appeal is pending or
     * a later case against the same subject, opened while in effect, is (§6). Returns how many ended. The held ones
     * are left out by the query itself, so that however many there are they cannot fill the batch and keep the others
     * from ending.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int endEffects(LocalDate today, int max) {
        // native for the start of the announcement day in our zone; replicas skip the rows another one holds
        @SuppressWarnings("unchecked")
        List<DisciplineCase> due = em.createNativeQuery("""
                        SELECT c.* FROM discipline_case c
                        WHERE c.status IN ('ANNOUNCED', 'REPORTED_UP') AND c.effect_until < ?1 AND c.appeal_pending_id IS NULL
                          AND NOT EXISTS (SELECT 1 FROM discipline_case n WHERE n.subject_type = c.subject_type
                              AND coalesce(n.subject_member_id, n.subject_org_unit_id) = coalesce(c.subject_member_id, c.subject_org_unit_id)
                              AND n.id <> c.id AND n.status IN (?2) AND n.created_at >= (cast(c.announced_on AS timestamp) AT TIME ZONE ?3))
                        ORDER BY c.effect_until, c.id LIMIT ?4
                        FOR UPDATE OF c SKIP LOCKED""", DisciplineCase.class)
                .setParameter(1, today).setParameter(2, PENDING.stream().map(Status::name).toList())
                .setParameter(3, clock.getZone().getId()).setParameter(4, max).getResultList();
        for (DisciplineCase c : due) {
            c.effectEndedOn = c.effectUntil.plusDays(1);
            move(c, Action.END_EFFECT.name(), Status.EFFECT_ENDED, c.effectEndedOn, null, null);
            events.effectEnded(c);
        }
        return due.size();
    }

    /**
     * The forms {@code body} of {@code unit} may decide for this case's subject (§3.1, §3.2); for a member, this also
     * records how the member stands to the case's own deciding unit, which the view shows.
     */
    Set<Form> allowedForms(DisciplineCase c, RuleSet rules, OrgUnitCopy unit, Body body, LocalDate on) {
        if (c.subjectType == SubjectType.ORG_UNIT) {
            return FormAuthority.orgForms(rules, body, unit, OrgUnitCopy.findById(c.subjectOrgUnitId));
        }
        SubjectCategory category = categoryAt(c, unit, on);
        if (unit.id.equals(c.decidingUnitId)) {
            c.subjectCategory = category;
        }
        return FormAuthority.memberForms(rules, body, unit, category, c.higherLevelTask);
    }

    private static SubjectCategory categoryAt(DisciplineCase c, OrgUnitCopy unit, LocalDate on) {
        MemberCopy m = member(c);
        if (m == null) {
            throw ProblemException.ruleViolated("subjectMemberId", "member-exists", "the member is not in the directory copy yet");
        }
        return FormAuthority.category(m, unit, uid -> OrgUnitCopy.findById(uid), on);
    }

    private String proposalHint(DisciplineCase c, RuleSet rules, OrgUnitCopy unit, Form form, LocalDate on) {
        return FormAuthority.proposalTarget(rules, new FormAuthority.Seat(unit, c.decidingBody), form,
                        (u, body) -> allowedForms(c, rules, u, body, on), uid -> OrgUnitCopy.findById(uid))
                .map(s -> " (the " + s.body() + " of " + s.unit().name + " may)").orElse("");
    }

    private DisciplineCase proposal(DisciplineCase c, FormAuthority.Seat target, Form form) {
        if (DisciplineCase.count("originType = ?1 and originId = ?2", OriginType.DISCIPLINE_CASE, c.id) > 0) {
            throw ProblemException.conflict("status", "proposed-once", "this case was already proposed up");
        }
        Instant now = Instant.now(clock);
        DisciplineCase up = new DisciplineCase();
        up.id = UUID.randomUUID();
        up.subjectType = c.subjectType;
        up.subjectMemberId = c.subjectMemberId;
        up.subjectOrgUnitId = c.subjectOrgUnitId;
        up.subjectName = c.subjectName;
        up.decidingUnitId = target.unit().id;
        up.decidingBody = target.body();
        up.source = Source.PROPOSAL;
        up.originType = OriginType.DISCIPLINE_CASE;
        up.originId = c.id;
        up.summary = c.summary;
        up.summaryFolded = c.summaryFolded;
        up.proposedForm = form;
        up.especiallySerious = c.especiallySerious;
        up.higherLevelTask = c.higherLevelTask;
        up.mitigating = c.mitigating;
        up.aggravating = c.aggravating;
        up.decisionToInspectOn = c.decisionToInspectOn;
        up.concludedOn = null;
        up.status = Status.OPENED;
        up.ruleSetId = c.ruleSetId;
        up.version = 1;
        up.createdBy = caller.subject();
        up.createdAt = now;
        up.updatedAt = now;
        up.persist();
        int seq = 0;
        for (DisciplineParts.Act a : DisciplineParts.Act.of(c.id)) {
            DisciplineParts.Act copy = new DisciplineParts.Act();
            copy.caseId = up.id;
            copy.seq = seq++;
            copy.act = a.act;
            copy.article = a.article;
            copy.group = a.group;
            copy.actFrom = a.actFrom;
            copy.actTo = a.actTo;
            copy.continuing = a.continuing;
            copy.exemptKind = a.exemptKind;
            copy.violationId = a.violationId;
            copy.persist();
        }
        record(up, "OPEN", null, Status.OPENED, today(), "Đề nghị của " + c.decidingBody + " (hồ sơ " + c.id + ")", null);
        return up;
    }

    private static String tallySummary(VoteTally.Result t, int denominator) {
        StringBuilder s = new StringBuilder("Mẫu số " + denominator + ":");
        t.lines().forEach(l -> s.append(' ').append(l.form()).append(' ').append(l.votes()).append(" (cộng dồn ")
                .append(l.cumulative()).append(l.reached() ? ", đạt" : ", không đạt").append(')'));
        s.append(". Kết quả: ").append(t.result() == null ? "không hình thức nào đạt" : t.result());
        if (t.expulsionProposed()) {
            s.append(". Đề nghị khai trừ: ").append(Boolean.TRUE.equals(t.expulsionProposalReached()) ? "đạt 2/3" : "không đạt 2/3, vẫn báo cáo cấp trên");
        }
        return s.toString();
    }

    private void checkDraft(DisciplineRequests.Draft d, OrgUnitCopy decidingUnit, MemberCopy member, RuleSet rules) {
        List<FieldError> errors = new ArrayList<>();
        OrgUnitCopy subjectUnit = d.subjectType() == SubjectType.MEMBER
                ? (member == null ? null : OrgUnitCopy.findById(member.unitId))
                : (d.subjectOrgUnitId() == null ? null : OrgUnitCopy.findById(d.subjectOrgUnitId()));
        DisciplineRules.checkSubject(d, member, subjectUnit, decidingUnit, rules, errors);
        DisciplineRules.checkContent(d, rules, today(), errors);
        if (!FormAuthority.bodiesOf(rules, decidingUnit).contains(d.decidingBody())) {
            errors.add(new FieldError("decidingBody", "body-exists", "the unit has no " + d.decidingBody() + "; it has "
                    + FormAuthority.bodiesOf(rules, decidingUnit)));
        }
        if (d.proposedForm() != null && errors.isEmpty()) {
            addIfNotNull(errors, DisciplineRules.formFits(rules, d.subjectType(), member, d.proposedForm(), d.especiallySerious(), today(),
                    "proposedForm"));
        }
        ProblemException.throwIfAny("case", errors);
    }

    private void setContent(DisciplineCase c, DisciplineRequests.Draft d, MemberCopy member) {
        if (d.subjectType() == SubjectType.MEMBER) {
            c.subjectMemberId = member.id;
            c.subjectOrgUnitId = member.unitId;
            c.subjectName = member.fullName;
        } else {
            OrgUnitCopy u = OrgUnitCopy.findById(d.subjectOrgUnitId());
            c.subjectOrgUnitId = u.id;
            c.subjectName = u.name;
        }
        c.summary = VietnameseText.normalise(d.summary());
        c.summaryFolded = VietnameseText.fold(c.summary);
        c.proposedForm = d.proposedForm();
        c.especiallySerious = d.especiallySerious();
        c.higherLevelTask = d.higherLevelTask();
        c.mitigating = d.mitigating() == null ? new String[0] : d.mitigating().toArray(String[]::new);
        c.aggravating = d.aggravating() == null ? new String[0] : d.aggravating().toArray(String[]::new);
        c.decisionToInspectOn = d.decisionToInspectOn();
        c.concludedOn = d.concludedOn();
    }

    private void writeActs(DisciplineCase c, List<DisciplineRequests.ActRef> acts) {
        for (int i = 0; i < acts.size(); i++) {
            DisciplineRequests.ActRef r = acts.get(i);
            DisciplineParts.Act a = new DisciplineParts.Act();
            a.caseId = c.id;
            a.seq = i;
            a.act = VietnameseText.normalise(r.act());
            a.article = r.article() == null ? null : r.article().strip();
            a.group = r.group();
            a.actFrom = r.actFrom();
            a.actTo = r.actTo();
            a.continuing = r.continuing();
            a.exemptKind = r.exemptKind();
            a.persist();
        }
    }

    /** The body an inspection or denunciation names; a staff agency acts for its committee. */
    private static Body bodyOf(String decidingBody) {
        return switch (decidingBody) {
            case "CELL" -> Body.CELL;
            case "STANDING_COMMITTEE" -> Body.STANDING_COMMITTEE;
            case "INSPECTION_COMMISSION" -> Body.INSPECTION_COMMISSION;
            default -> Body.COMMITTEE;
        };
    }

    private static MemberCopy member(DisciplineCase c) {
        return c.subjectMemberId == null ? null : MemberCopy.findById(c.subjectMemberId);
    }

    private static void addIfNotNull(List<FieldError> errors, FieldError e) {
        if (e != null) {
            errors.add(e);
        }
    }

    private RuleSet act(DisciplineCase c, OrgUnitCopy actorUnit, Action action) {
        RuleSet rules = ruleSets.byId(c.ruleSetId).orElseThrow();
        authority.requireAllowed(c, actorUnit, action.actor, rules);
        return rules;
    }

    private DisciplineCase lockVisible(OrgUnitCopy actorUnit, UUID id, long expectedVersion) {
        DisciplineCase c = authority.requireVisible(actorUnit, id, em.find(DisciplineCase.class, id, LockModeType.PESSIMISTIC_WRITE));
        if (expectedVersion != c.version) {
            throw ProblemException.staleVersion(c.version);
        }
        return c;
    }

    private void checkStepDate(DisciplineCase c, LocalDate on) {
        List<FieldError> errors = new ArrayList<>();
        DisciplineRules.stepDate(on, "on", lastStepDate(c), today(), errors);
        ProblemException.throwIfAny("step", errors);
    }

    /** The date of the last step taken (opening and edits are dated the day they were recorded, so they do not count). */
    private static LocalDate lastStepDate(DisciplineCase c) {
        return DisciplineParts.Step.<DisciplineParts.Step>find("caseId = ?1 and action not in ('OPEN', 'EDIT') order by onDate desc", c.id)
                .firstResultOptional().map(s -> s.onDate).orElse(null);
    }

    private void move(DisciplineCase c, String action, Status to, LocalDate on, String summary, String document) {
        Status from = c.status;
        c.status = to;
        changed(c);
        record(c, action, from, to, on, summary, document);
    }

    private void record(DisciplineCase c, String action, Status from, Status to, LocalDate on, String summary, String document) {
        DisciplineParts.Step s = new DisciplineParts.Step();
        s.caseId = c.id;
        s.fill(action, on, summary, actor(), c.updatedAt);
        s.fromStatus = from == null ? to : from;
        s.toStatus = to;
        s.document = VietnameseText.normalise(document);
        s.persist();
        audit.record("discipline-case." + action.toLowerCase(), "discipline-case", c.id,
                Map.of("status", to.name(), "on", on.toString(), "version", c.version));
    }

    /** The caller, or the service itself when an event changes the case. */
    private String actor() {
        return Arc.container().requestContext().isActive() ? caller.subject() : "system:discipline-service";
    }

    private void changed(DisciplineCase c) {
        c.version++;
        c.updatedAt = Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
