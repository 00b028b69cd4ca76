package vn.ktgs.complaints.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ktgs.complaints.appeal.AppealCodes.Outcome;
import vn.ktgs.complaints.appeal.AppealCodes.Rejection;
import vn.ktgs.complaints.appeal.AppealCodes.Status;
import vn.ktgs.complaints.decision.DecisionCopy;
import vn.ktgs.events.AppealDecided;
import vn.ktgs.events.AppealFiled;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Origin;
import vn.ktgs.events.Topics;
import vn.ktgs.complaints.HandlingRules;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.kit.discipline.FormAuthority;
import vn.ktgs.kit.membercopy.MemberCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.outbox.Outbox;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Discipline appeals, the commands: record an appeal received by the body that handles it at its level (§3.3), handled
 * or not by §7.6; investigate; decide (upheld, changed, annulled); notify. Each writes the step, its event and an
 * audit record in one transaction.
 */
@ApplicationScoped
public class Appeals {
    static final String INTAKE_ROLES = "appeal.intake-roles";
    static final String RECORD_ROLES = "appeal.record-roles";
    static final String HANDLING_ROLES = "appeal.handling-roles";

    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final RuleSets ruleSets;
    private final Caller caller;
    private final Clock clock;

    Appeals(EntityManager em, Outbox outbox, Audit audit, RuleSets ruleSets, Caller caller, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.ruleSets = ruleSets;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Records an appeal the caller's body received. It must be the body at the level the chain has reached (no skipped
     * level, no second body at once: 422 {@code handling-level}). It is ACCEPTED, with its deadline, and announced as
     * {@code appeal.filed}; or REJECTED with every reason of §7.6. Whether it is late must be judgeable (422
     * {@code calendar-covers-year}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Appeal file(OrgUnitCopy actorUnit, AppealRequests.Filing f) {
        RuleSet rules = ruleSets.inForce(HandlingRules.RULE_DOMAIN, today());
        HandlingRules.requireRole(caller, rules.strings(INTAKE_ROLES), "record appeals");
        List<FieldError> errors = new ArrayList<>();
        if (f.postmarkedOn() == null && f.filedDirectlyOn() == null) {
            errors.add(new FieldError("postmarkedOn", "filing-date", "an appeal has a postmark or a direct filing date"));
        }
        for (var d : new Object[][] {{f.postmarkedOn(), "postmarkedOn"}, {f.filedDirectlyOn(), "filedDirectlyOn"},
                {f.receivedOn(), "receivedOn"}, {f.decisionReceivedOn(), "decisionReceivedOn"}}) {
            if (d[0] != null && ((LocalDate) d[0]).isAfter(today())) {
                errors.add(new FieldError((String) d[1], "date-not-future", "the date " + d[0] + " is in the future"));
            }
        }
        DecisionCopy decision = em.find(DecisionCopy.class, f.caseId(), LockModeType.PESSIMISTIC_WRITE);
        // the handling body is the deciding unit's own or one above it: a decision elsewhere is not known here
        if (decision == null || !actorUnit.contains(OrgUnitCopy.findById(decision.decidingUnitId))) {
            errors.add(new FieldError("caseId", "decision-known", "no announced discipline decision " + f.caseId() + " is known here"));
        } else {
            AppealRules.checkFiling(f, decision, ruleSets.workingDays(), errors);
        }
        ProblemException.throwIfAny("appeal", errors);
        List<Appeal> earlier = Appeal.list("caseId = ?1 order by level", f.caseId());
        boolean finalReached = AppealRules.finalLevelReached(rules, earlier, id -> OrgUnitCopy.findById(id));
        AppealRules.Seat seat = AppealRules.nextSeat(rules, decision, earlier, id -> OrgUnitCopy.findById(id)).orElse(null);
        if (seat != null && !finalReached && !seat.unit().id.equals(actorUnit.id)) {
            throw ProblemException.ruleViolated("caseId", "handling-level", "this appeal is handled at level " + seat.level()
                    + " by the " + seat.body() + " of " + seat.unit().name + ", one level at a time; the letter goes there");
        }
        Instant now = Instant.now(clock);
        Appeal a = new Appeal();
        a.id = UUID.randomUUID();
        a.caseId = f.caseId();
        a.appellantMemberId = f.appellantMemberId();
        a.appellantName = VietnameseText.normalise(f.appellantName());
        a.filedBySubject = f.filedBySubject();
        a.decisionReceivedOn = f.decisionReceivedOn();
        a.refusedDecision = f.refusedDecision();
        a.courtSentence = f.courtSentence();
        a.movedBeforeFiling = f.movedBeforeFiling();
        a.postmarkedOn = f.postmarkedOn();
        a.filedDirectlyOn = f.filedDirectlyOn();
        a.receivedOn = f.receivedOn();
        a.content = VietnameseText.normalise(f.content());
        a.handlingUnitId = actorUnit.id;
        a.handlingBody = seat == null ? "COMMITTEE" : seat.body();
        a.level = seat == null ? earlier.stream().mapToInt(e -> e.level).max().orElse(0) + 1 : seat.level();
        a.ruleSetId = rules.id();
        a.version = 1;
        a.createdBy = caller.subject();
        a.createdAt = now;
        a.updatedAt = now;
        List<Rejection> rejections = AppealRules.rejections(a, decision, earlier, finalReached);
        a.rejectionReasons = rejections.stream().map(Enum::name).toArray(String[]::new);
        a.status = rejections.isEmpty() ? Status.ACCEPTED : Status.REJECTED;
        if (a.status == Status.ACCEPTED) {
            a.dueOn = dueOn(rules, actorUnit, a.receivedOn);
        }
        a.persist();
        record(a, "FILE", null, a.status, a.receivedOn, rejections.isEmpty() ? null : "Không thụ lý: " + rejections);
        if (a.status == Status.ACCEPTED) {
            outbox.publish(Topics.COMPLAINTS, EventTypes.APPEAL_FILED, a.id.toString(), new AppealFiled(a.id, a.caseId, a.receivedOn,
                    a.handlingUnitId, a.handlingBody, new Origin("APPEAL", a.id)));
        }
        return a;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Appeal investigate(OrgUnitCopy actorUnit, UUID id, long version, AppealRequests.StepRecord r) {
        Appeal a = lockVisible(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(a.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, a.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        HandlingRules.requireStatus(a.status, Set.of(Status.ACCEPTED), "investigated");
        HandlingRules.checkStepDate(a.receivedOn, r.on(), today());
        move(a, "INVESTIGATE", Status.INVESTIGATING, r.on(), r.summary());
        return a;
    }

    /**
     * The handling body's decision; announced as {@code appeal.decided}, which discipline-service applies to the case.
     * A changed form beyond the body's authority is not decided here: the appeal goes up (see transferUp).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Appeal decide(OrgUnitCopy actorUnit, UUID id, long version, AppealRequests.Decision d) {
        Appeal a = lockVisible(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(a.ruleSetId).orElseThrow();
        List<String> roles = new ArrayList<>();
        rules.value(HANDLING_ROLES).path(a.handlingBody).forEach(r -> roles.add(r.asText()));
        HandlingRules.requireHandlingUnit(caller, a.handlingUnitId, actorUnit, roles);
        HandlingRules.requireStatus(a.status, Set.of(Status.INVESTIGATING), "decided");
        DecisionCopy decision = DecisionCopy.findById(a.caseId);
        List<FieldError> errors = new ArrayList<>();
        if (d.on().isAfter(today())) {
            errors.add(new FieldError("on", "date-not-future", "the date " + d.on() + " is in the future"));
        }
        if (d.outcome() == Outcome.CHANGED) {
            List<String> forms = new ArrayList<>();
            rules.value("appeal.forms").path(decision.subjectType).forEach(f -> forms.add(f.asText()));
            if (d.newForm() == null || !forms.contains(d.newForm()) || d.newForm().equals(decision.form)) {
                errors.add(new FieldError("newForm", "form-changed", "a changed decision names a form other than " + decision.form
                        + " among " + forms));
            }
        } else if (d.newForm() != null) {
            errors.add(new FieldError("newForm", "form-only-when-changed", "only a CHANGED decision names a new form"));
        }
        ProblemException.throwIfAny("appeal decision", errors);
        HandlingRules.checkStepDate(a.receivedOn, d.on(), today());
        if (d.outcome() == Outcome.CHANGED) {
            OrgUnitCopy unit = OrgUnitCopy.findById(a.handlingUnitId);
            FormAuthority.Seat seat = new FormAuthority.Seat(unit, Body.valueOf(a.handlingBody));
            Form form = Form.valueOf(d.newForm());
            RuleSet authority = ruleSets.byId(decision.ruleSetId).orElseGet(() -> ruleSets.inForce(FormAuthority.RULE_DOMAIN, d.on()));
            if (!formsAt(authority, decision, seat.unit(), seat.body(), d.on()).contains(form)) {
                transferUp(a, authority, decision, seat, form, d);
                return a;
            }
        }
        a.outcome = d.outcome();
        a.newForm = d.outcome() == Outcome.CHANGED ? d.newForm() : null;
        a.decidedOn = d.on();
        a.decisionNumber = d.decisionNumber().strip();
        move(a, "DECIDE", Status.DECIDED, d.on(), d.summary());
        outbox.publish(Topics.COMPLAINTS, EventTypes.APPEAL_DECIDED, a.id.toString(), new AppealDecided(a.id, a.caseId, a.outcome.name(),
                a.newForm, a.decidedOn, a.handlingUnitId, a.handlingBody, new Origin("APPEAL", a.id)));
        return a;
    }

    /**
     * A body that may not decide the changed form for this subject (§3.1, §3.2) does not decide: it sends the appeal,
     * with the form it proposes, to the first body at its unit or above that may (the rule set's propose-up order).
     * That body decides it; the appeal stays open. 422 {@code authority} when no body may decide that form.
     */
    private void transferUp(Appeal a, RuleSet authority, DecisionCopy decision, FormAuthority.Seat from, Form form,
                            AppealRequests.Decision d) {
        FormAuthority.Seat target = FormAuthority.proposalTarget(authority, from, form,
                        (u, body) -> formsAt(authority, decision, u, body, d.on()), id -> OrgUnitCopy.findById(id))
                .orElseThrow(() -> ProblemException.ruleViolated("newForm", "authority",
                        "no body at " + from.unit().name + " or above may decide " + form + " for this subject"));
        a.proposedForm = form.name();
        a.transferredFromUnitId = a.handlingUnitId;
        a.handlingUnitId = target.unit().id;
        a.handlingBody = target.body().name();
        move(a, "TRANSFER_UP", a.status, d.on(), "Đề nghị " + target.body().labelVi + " " + target.unit().name + " quyết định "
                + form.labelVi + " (ngoài thẩm quyền của " + from.body().labelVi + " " + from.unit().name + ")");
    }

    /** The forms a body may decide for the decision's subject, the subject's standing taken towards that body's unit. */
    private static Set<Form> formsAt(RuleSet authority, DecisionCopy decision, OrgUnitCopy unit, Body body, LocalDate on) {
        if ("ORG_UNIT".equals(decision.subjectType)) {
            return FormAuthority.orgForms(authority, body, unit, OrgUnitCopy.findById(decision.subjectOrgUnitId));
        }
        MemberCopy m = MemberCopy.findById(decision.subjectMemberId);
        if (m == null) {
            throw ProblemException.ruleViolated("newForm", "subject-known",
                    "the disciplined member is not in the directory copy yet, so the authority for the new form cannot be checked");
        }
        return FormAuthority.memberForms(authority, body, unit, FormAuthority.category(m, unit, id -> OrgUnitCopy.findById(id), on), false);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Appeal notifyAppellant(OrgUnitCopy actorUnit, UUID id, long version, AppealRequests.StepRecord r) {
        Appeal a = lockVisible(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(a.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, a.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        HandlingRules.requireStatus(a.status, Set.of(Status.DECIDED, Status.REJECTED), "notified");
        HandlingRules.checkStepDate(a.receivedOn, r.on(), today());
        a.notifiedOn = r.on();
        move(a, "NOTIFY", a.status == Status.DECIDED ? Status.NOTIFIED : Status.REJECTED, r.on(), r.summary());
        return a;
    }

    /** Working days from receipt; empty while the calendar does not cover the days it runs through. */
    private LocalDate dueOn(RuleSet rules, OrgUnitCopy unit, LocalDate receivedOn) {
        return ruleSets.workingDays().plusWorkingDaysIfCovered(receivedOn, AppealRules.resolutionWorkingDays(rules, unit)).orElse(null);
    }

    Appeal lockVisible(OrgUnitCopy actorUnit, UUID id, long version) {
        return HandlingRules.locked(em, Appeal.class, actorUnit, id, version, "appeal");
    }

    private void move(Appeal a, String action, Status to, LocalDate on, String summary) {
        Status from = a.status;
        a.status = to;
        HandlingRules.changed(a, clock);
        record(a, action, from, to, on, summary);
    }

    private void record(Appeal a, String action, Status from, Status to, LocalDate on, String summary) {
        Appeal.Step s = new Appeal.Step();
        s.appealId = a.id;
        s.fill(action, on, summary, caller.subject(), a.updatedAt);
        s.fromStatus = from == null ? to : from;
        s.toStatus = to;
        s.persist();
        audit.record("appeal." + action.toLowerCase(), "appeal", a.id, Map.of("status", to.name(), "on", on.toString(), "version", a.version));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
