package vn.ktgs.complaints.denunciation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ktgs.complaints.denunciation.DenunciationCodes.NotHandled;
import vn.ktgs.complaints.denunciation.DenunciationCodes.Outcome;
import vn.ktgs.complaints.denunciation.DenunciationCodes.Status;
import vn.ktgs.events.DenunciationConcluded;
import vn.ktgs.events.DenunciationLead;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.Origin;
import vn.ktgs.events.Topics;
import vn.ktgs.complaints.HandlingRules;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.crypto.FieldCipher;
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
 * Denunciations, the commands: intake with the denouncers sealed, the audited identity read, screening (§7.7), the
 * conclusion ({@code denunciation.concluded}, never the denouncer) and the notice to the denouncer.
 */
@ApplicationScoped
public class Denunciations {
    static final String PURPOSE = "denunciation.denouncers";
    static final String INTAKE_ROLES = "denunciation.intake-roles";
    static final String RECORD_ROLES = "denunciation.record-roles";

    private final EntityManager em;
    private final FieldCipher cipher;
    private final Outbox outbox;
    private final Audit audit;
    private final RuleSets ruleSets;
    private final Caller caller;
    private final Clock clock;

    Denunciations(EntityManager em, FieldCipher cipher, Outbox outbox, Audit audit, RuleSets ruleSets, Caller caller, Clock clock) {
        this.em = em;
        this.cipher = cipher;
        this.outbox = outbox;
        this.audit = audit;
        this.ruleSets = ruleSets;
        this.caller = caller;
        this.clock = clock;
    }

    /** A letter received by the caller's unit, RECEIVED; the accused are taken from the directory copies. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Denunciation receive(OrgUnitCopy actorUnit, DenunciationRequests.Intake in) {
        RuleSet rules = ruleSets.inForce(HandlingRules.RULE_DOMAIN, today());
        HandlingRules.requireRole(caller, rules.strings(INTAKE_ROLES), "receive denunciations");
        List<FieldError> errors = new ArrayList<>();
        for (var d : new Object[][] {{in.receivedOn(), "receivedOn"}, {in.postmarkedOn(), "postmarkedOn"},
                {in.receivedByCompetentOn(), "receivedByCompetentOn"}}) {
            if (d[0] != null && ((LocalDate) d[0]).isAfter(today())) {
                errors.add(new FieldError((String) d[1], "date-not-future", "the date " + d[0] + " is in the future"));
            }
        }
        if (in.receivedByCompetentOn().isBefore(in.receivedOn())) {
            errors.add(new FieldError("receivedByCompetentOn", "date-order", "the competent body receives a letter on or after its first receipt"));
        }
        List<Denunciation.Accused> accused = new ArrayList<>();
        List<DenunciationRequests.AccusedRef> refs = in.accused() == null ? List.of() : in.accused();
        for (int i = 0; i < refs.size(); i++) {
            Denunciation.Accused a = accused(refs.get(i), "accused[" + i + "]", errors);
            if (a != null) {
                a.seq = i;
                accused.add(a);
            }
        }
        ProblemException.throwIfAny("denunciation", errors);
        Instant now = Instant.now(clock);
        Denunciation d = new Denunciation();
        d.id = UUID.randomUUID();
        d.handlingUnitId = actorUnit.id;
        d.handlingBody = in.handlingBody();
        d.channel = in.channel().name();
        d.receivedOn = in.receivedOn();
        d.postmarkedOn = in.postmarkedOn();
        d.receivedByCompetentOn = in.receivedByCompetentOn();
        List<DenunciationRequests.Denouncer> denouncers = in.denouncers() == null ? List.of() : in.denouncers().stream()
                .map(x -> new DenunciationRequests.Denouncer(VietnameseText.normalise(x.fullName()), VietnameseText.normalise(x.address()),
                        x.phone(), x.citizenId(), x.memberId(), x.relatedMemberIds() == null ? List.of() : x.relatedMemberIds())).toList();
        d.denouncerCount = denouncers.size();
        d.denouncersSealed = denouncers.isEmpty() ? null : cipher.seal(json(denouncers), PURPOSE);
        d.signedInPerson = in.signedInPerson();
        d.content = VietnameseText.normalise(in.content());
        d.evidence = in.evidence() == null ? new String[0] : in.evidence().stream().map(VietnameseText::normalise).toArray(String[]::new);
        d.notHandledReasons = new String[0];
        d.teamSubjects = new String[0];
        d.teamMemberIds = new UUID[0];
        d.status = Status.RECEIVED;
        d.ruleSetId = rules.id();
        d.version = 1;
        d.createdBy = caller.subject();
        d.createdAt = now;
        d.updatedAt = now;
        d.persist();
        for (Denunciation.Accused a : accused) {
            a.denunciationId = d.id;
            a.persist();
        }
        record(d, "RECEIVE", null, Status.RECEIVED, d.receivedOn, null, null);
        return d;
    }

    /**
     * The denouncers' identity, for the intake role of the handling unit and the handling team it named only. Every
     * read, and every refused read, is written to the audit trail (who, when, which letter), never the identity itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DenunciationRequests.Denouncer> denouncers(OrgUnitCopy actorUnit, Denunciation d) {
        boolean team = requireIdentityReader(actorUnit, d);
        audit.record("denunciation.identity-read", "denunciation", d.id, Map.of("denouncers", d.denouncerCount, "as", team ? "team" : "intake"));
        return opened(d);
    }

    /**
     * What was written to or about the denouncers (an extension's notice, a withdrawal's reason): sealed with their
     * identity's purpose, so only those who read the identity read it, audited the same way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DenunciationViews.DenouncerNote> denouncerNotes(OrgUnitCopy actorUnit, Denunciation d) {
        boolean team = requireIdentityReader(actorUnit, d);
        List<Denunciation.Step> noted = Denunciation.Step.of(d.id).stream().filter(s -> s.denouncerNoteSealed != null).toList();
        audit.record("denunciation.identity-read", "denunciation", d.id, Map.of("notes", noted.size(), "as", team ? "team" : "intake"));
        return noted.stream().map(s -> new DenunciationViews.DenouncerNote(s.action, s.onDate, cipher.open(s.denouncerNoteSealed, PURPOSE)))
                .toList();
    }

    /** 403, audited, unless the caller has an intake role of the handling unit or is on its team; true for the team. */
    private boolean requireIdentityReader(OrgUnitCopy actorUnit, Denunciation d) {
        RuleSet rules = ruleSets.byId(d.ruleSetId).orElseThrow();
        List<String> roles = rules.strings(INTAKE_ROLES);
        boolean team = java.util.Arrays.asList(d.teamSubjects).contains(caller.subject());
        if (!actorUnit.id.equals(d.handlingUnitId) || (roles.stream().noneMatch(caller::hasRole) && !team)) {
            // the refusal rolls the request back: its audit record commits on its own
            QuarkusTransaction.requiringNew().run(() ->
                    audit.record("denunciation.identity-refused", "denunciation", d.id, Map.of("unit", actorUnit.id.toString())));
            throw ProblemException.forbidden("only the roles " + roles + " of the handling unit and its handling team read the denouncer's identity");
        }
        return team;
    }

    private List<DenunciationRequests.Denouncer> opened(Denunciation d) {
        if (d.denouncersSealed == null) {
            return List.of();
        }
        try {
            return EventJson.mapper().readValue(cipher.open(d.denouncersSealed, PURPOSE), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed denouncers of " + d.id + " are not readable", e);
        }
    }

    /**
     * The body competent for the letter (§3.4): the one that manages the accused (a member's managing unit, else the
     * member's own unit; an organisation's direct upper unit); for several accused, the highest of them. Null when the
     * directory copy does not know it.
     */
    public static UUID competentUnit(List<Denunciation.Accused> accused) {
        OrgUnitCopy highest = null;
        for (Denunciation.Accused a : accused) {
            UUID unitId;
            if (a.memberId != null) {
                MemberCopy m = MemberCopy.findById(a.memberId);
                unitId = m == null ? a.orgUnitId : m.managingUnitId != null ? m.managingUnitId : m.unitId;
            } else {
                OrgUnitCopy u = OrgUnitCopy.findById(a.orgUnitId);
                unitId = u == null ? null : u.parentId;
            }
            OrgUnitCopy unit = unitId == null ? null : OrgUnitCopy.findById(unitId);
            if (unit != null && (highest == null || unit.path.length() < highest.path.length())) {
                highest = unit;
            }
        }
        return highest == null ? null : highest.id;
    }

    /**
     * The letter goes to the competent body before its screening: the handling unit changes (the identity goes with it,
     * readable only there) and the clock starts again from the day that body receives it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Denunciation transfer(OrgUnitCopy actorUnit, UUID id, long version, DenunciationRequests.Transfer t) {
        Denunciation d = lock(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(d.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, d.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        HandlingRules.requireStatus(d.status, Set.of(Status.RECEIVED), "transferred");
        HandlingRules.checkStepDate(d.receivedOn, t.receivedByCompetentOn(), today());
        OrgUnitCopy to = OrgUnitCopy.findById(t.toUnitId());
        if (to == null || to.id.equals(d.handlingUnitId)) {
            throw ProblemException.ruleViolated("toUnitId", "unit-exists", "the competent body's unit is another unit of the directory");
        }
        d.handlingUnitId = to.id;
        d.handlingBody = t.handlingBody();
        d.receivedByCompetentOn = t.receivedByCompetentOn();
        move(d, "TRANSFER", Status.RECEIVED, t.receivedByCompetentOn(), "Chuyển đến " + to.name);
        return d;
    }

    /**
     * The handling team (§7.8): neither an accused nor a denouncer, nor anyone intake named as related to them, may be on
     * it (422 {@code conflict-of-interest}, which does not say which, so as not to reveal a denouncer).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Denunciation nameTeam(OrgUnitCopy actorUnit, UUID id, long version, DenunciationRequests.Team t) {
        Denunciation d = lock(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(d.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, d.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        HandlingRules.requireStatus(d.status, Set.of(Status.ACCEPTED, Status.HANDLING), "given a team");
        HandlingRules.checkStepDate(d.receivedOn, t.on(), today());
        Set<UUID> conflicting = new java.util.HashSet<>();
        Denunciation.Accused.of(d.id).forEach(a -> {
            if (a.memberId != null) {
                conflicting.add(a.memberId);
            }
            conflicting.addAll(List.of(a.relatedMemberIds));
        });
        opened(d).forEach(x -> {
            if (x.memberId() != null) {
                conflicting.add(x.memberId());
            }
            if (x.relatedMemberIds() != null) {
                conflicting.addAll(x.relatedMemberIds());
            }
        });
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < t.members().size(); i++) {
            UUID m = t.members().get(i).memberId();
            if (m != null && conflicting.contains(m)) {
                errors.add(new FieldError("members[" + i + "].memberId", "conflict-of-interest",
                        "an accused, a denouncer or a person related to them cannot handle the denunciation"));
            }
        }
        ProblemException.throwIfAny("team", errors);
        d.teamSubjects = t.members().stream().map(m -> m.subject().strip()).toArray(String[]::new);
        d.teamMemberIds = t.members().stream().map(DenunciationRequests.TeamMember::memberId).filter(java.util.Objects::nonNull)
                .toArray(UUID[]::new);
        move(d, "TEAM", Status.HANDLING, t.on(), t.members().size() + " người");
        return d;
    }

    /** The accused's explanation (HANDLING → EXPLAINED), then verification entries (→ VERIFYING). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Denunciation step(OrgUnitCopy actorUnit, UUID id, long version, String action, DenunciationRequests.StepRecord r) {
        Denunciation d = lock(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(d.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, d.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        boolean explanation = "EXPLANATION".equals(action);
        HandlingRules.requireStatus(d.status, explanation ? Set.of(Status.HANDLING) : Set.of(Status.EXPLAINED, Status.VERIFYING),
                explanation ? "explained" : "verified");
        HandlingRules.checkStepDate(d.receivedOn, r.on(), today());
        move(d, action, explanation ? Status.EXPLAINED : Status.VERIFYING, r.on(), r.summary());
        return d;
    }

    /** One extension of the deadline, by at most the rule set's working days, noticed to the denouncer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Denunciation extend(OrgUnitCopy actorUnit, UUID id, long version, DenunciationRequests.Extension e) {
        Denunciation d = lock(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(d.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, d.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        HandlingRules.requireStatus(d.status, Status.OPEN, "extended");
        HandlingRules.checkStepDate(d.receivedOn, e.on(), today());
        int max = rules.integer("denunciation.extension-max-working-days");
        List<FieldError> errors = new ArrayList<>();
        if (d.extendedBy != null) {
            errors.add(new FieldError("workingDays", "extended-once", "the deadline was extended already"));
        }
        if (e.workingDays() > max) {
            errors.add(new FieldError("workingDays", "extension-max", "an extension is at most " + max + " working days"));
        }
        if (d.dueOn == null) {
            errors.add(new FieldError("workingDays", "calendar-covers-year", "the deadline itself cannot be counted until the calendar covers it"));
        }
        ProblemException.throwIfAny("extension", errors);
        LocalDate extended = ruleSets.workingDays().plusWorkingDays(d.dueOn, e.workingDays());
        d.dueOn = extended;
        d.extendedBy = e.workingDays();
        // the notice may name the denouncer: the history, which viewers above the unit read, only says it was sent
        move(d, "EXTEND", d.status, e.on(), "Gia hạn " + e.workingDays() + " ngày làm việc đến " + extended
                + "; đã thông báo cho người tố cáo ngày " + e.on(), e.noticeToDenouncer());
        return d;
    }

    /**
     * The denouncer withdraws, before the screening or while handling: handling stops (WITHDRAWN), unless the withdrawal
     * came from threats, coercion or bribery, which is recorded and handling goes on. The denouncer's reasons are sealed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Denunciation withdraw(OrgUnitCopy actorUnit, UUID id, long version, DenunciationRequests.Withdrawal w) {
        Denunciation d = lock(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(d.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, d.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        HandlingRules.requireStatus(d.status, Status.WITHDRAWABLE, "withdrawn");
        HandlingRules.checkStepDate(d.receivedOn, w.on(), today());
        d.withdrawnOn = w.on();
        d.withdrawalCoerced = w.coerced();
        move(d, "WITHDRAW", w.coerced() ? d.status : Status.WITHDRAWN, w.on(), w.coerced()
                ? "Rút đơn do bị đe dọa, ép buộc, mua chuộc: tiếp tục giải quyết" : "Người tố cáo rút đơn: dừng giải quyết",
                w.summary() == null || w.summary().isBlank() ? null : w.summary());
        return d;
    }

    /**
     * The screening (§7.7): NOT_HANDLED with every reason (an anonymous letter with a specific content about the Party
     * becomes {@code denunciation.lead}), or ACCEPTED with its deadline in working days from the competent body's receipt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Denunciation screen(OrgUnitCopy actorUnit, UUID id, long version, DenunciationRequests.Screening s) {
        Denunciation d = lock(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(d.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, d.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        HandlingRules.requireStatus(d.status, Set.of(Status.RECEIVED), "screened");
        HandlingRules.checkStepDate(d.receivedOn, s.on(), today());
        List<Denunciation.Accused> accused = Denunciation.Accused.of(d.id);
        List<NotHandled> reasons = DenunciationRules.notHandled(d, accused.size(), s, rules.integer("denunciation.several-signatories"));
        d.notHandledReasons = reasons.stream().map(Enum::name).toArray(String[]::new);
        if (reasons.isEmpty()) {
            d.dueOn = dueOn(rules, actorUnit, d.receivedByCompetentOn);
            move(d, "SCREEN", Status.ACCEPTED, s.on(), s.summary());
        } else {
            move(d, "SCREEN", Status.NOT_HANDLED, s.on(), "Không thụ lý: " + reasons);
            if (DenunciationRules.isLead(reasons)) {
                outbox.publish(Topics.COMPLAINTS, EventTypes.DENUNCIATION_LEAD, d.id.toString(), new DenunciationLead(d.id, d.handlingUnitId,
                        d.receivedOn, d.content, accused.stream().map(a -> accusedOf(a, false, List.of())).toList(),
                        new Origin("DENUNCIATION", d.id)));
            }
        }
        return d;
    }

    /** The conclusion: founded, partly founded or unfounded; {@code denunciation.concluded} with the accused, never the denouncer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Denunciation conclude(OrgUnitCopy actorUnit, UUID id, long version, DenunciationRequests.Conclusion c) {
        Denunciation d = lock(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(d.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, d.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        HandlingRules.requireStatus(d.status, Set.of(Status.HANDLING, Status.EXPLAINED, Status.VERIFYING), "concluded");
        HandlingRules.checkStepDate(d.receivedOn, c.on(), today());
        List<Denunciation.Accused> accused = Denunciation.Accused.of(d.id);
        List<FieldError> errors = new ArrayList<>();
        List<DenunciationRequests.AccusedFinding> findings = c.findings() == null ? List.of() : c.findings();
        for (int i = 0; i < findings.size(); i++) {
            DenunciationRequests.AccusedFinding f = findings.get(i);
            if (f.accused() < 0 || f.accused() >= accused.size()) {
                errors.add(new FieldError("findings[" + i + "].accused", "accused-exists", "the letter has " + accused.size() + " accused"));
            }
            if (f.warrantsDiscipline() && (c.outcome() == Outcome.UNFOUNDED || f.violations() == null || f.violations().isEmpty())) {
                errors.add(new FieldError("findings[" + i + "].violations", "discipline-needs-violations",
                        "discipline is proposed for violations a founded conclusion names"));
            }
            if (f.violations() != null) {
                for (int j = 0; j < f.violations().size(); j++) {
                    var v = f.violations().get(j);
                    if (v.continuing() == (v.actTo() != null) || (v.actTo() != null && v.actTo().isBefore(v.actFrom()))) {
                        errors.add(new FieldError("findings[" + i + "].violations[" + j + "].actTo", "act-dates",
                                "an act either continues (no actTo) or ends on or after it starts"));
                    }
                }
            }
        }
        ProblemException.throwIfAny("conclusion", errors);
        d.outcome = c.outcome();
        d.conclusion = VietnameseText.normalise(c.conclusion());
        d.concludedOn = c.on();
        move(d, "CONCLUDE", Status.CONCLUDED, c.on(), null);
        List<DenunciationConcluded.Accused> out = new ArrayList<>();
        for (Denunciation.Accused a : accused) {
            var f = findings.stream().filter(x -> x.accused() == a.seq).findFirst();
            out.add(accusedOf(a, f.map(DenunciationRequests.AccusedFinding::warrantsDiscipline).orElse(false),
                    f.map(x -> x.violations() == null ? List.<DenunciationConcluded.Violation>of() : x.violations().stream()
                            .map(v -> new DenunciationConcluded.Violation(VietnameseText.normalise(v.act()), v.article(), v.actFrom(),
                                    v.actTo(), v.continuing())).toList()).orElse(List.of())));
        }
        outbox.publish(Topics.COMPLAINTS, EventTypes.DENUNCIATION_CONCLUDED, d.id.toString(), new DenunciationConcluded(d.id,
                d.handlingUnitId, d.handlingBody, d.outcome.name(), d.concludedOn, out, new Origin("DENUNCIATION", d.id)));
        return d;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Denunciation notifyDenouncer(OrgUnitCopy actorUnit, UUID id, long version, DenunciationRequests.StepRecord r) {
        Denunciation d = lock(actorUnit, id, version);
        RuleSet rules = ruleSets.byId(d.ruleSetId).orElseThrow();
        HandlingRules.requireHandlingUnit(caller, d.handlingUnitId, actorUnit, rules.strings(RECORD_ROLES));
        HandlingRules.requireStatus(d.status, Set.of(Status.CONCLUDED), "notified");
        HandlingRules.checkStepDate(d.receivedOn, r.on(), today());
        d.notifiedOn = r.on();
        move(d, "NOTIFY", Status.DENOUNCER_NOTIFIED, r.on(), r.summary());
        return d;
    }

    private static DenunciationConcluded.Accused accusedOf(Denunciation.Accused a, boolean discipline, List<DenunciationConcluded.Violation> v) {
        return new DenunciationConcluded.Accused(a.type, a.memberId, a.orgUnitId, a.name, discipline, v);
    }

    private static Denunciation.Accused accused(DenunciationRequests.AccusedRef r, String field, List<FieldError> errors) {
        Denunciation.Accused a = new Denunciation.Accused();
        a.type = r.type();
        if ("MEMBER".equals(r.type())) {
            MemberCopy m = r.memberId() == null ? null : MemberCopy.findById(r.memberId());
            if (m == null) {
                errors.add(new FieldError(field + ".memberId", "member-exists", "the accused member is not in the directory"));
                return null;
            }
            a.memberId = m.id;
            a.orgUnitId = m.unitId;
            a.name = m.fullName;
            a.relatedMemberIds = r.relatedMemberIds() == null ? new UUID[0] : r.relatedMemberIds().toArray(UUID[]::new);
        } else if ("ORG_UNIT".equals(r.type())) {
            OrgUnitCopy u = r.orgUnitId() == null ? null : OrgUnitCopy.findById(r.orgUnitId());
            if (u == null) {
                errors.add(new FieldError(field + ".orgUnitId", "unit-exists", "the accused organisation is not in the directory"));
                return null;
            }
            a.orgUnitId = u.id;
            a.name = u.name;
        } else {
            errors.add(new FieldError(field + ".type", "code-known", "the accused is a MEMBER or an ORG_UNIT"));
            return null;
        }
        return a;
    }

    /** Working days from the competent body's receipt; empty while the calendar does not cover the days it runs through. */
    private LocalDate dueOn(RuleSet rules, OrgUnitCopy unit, LocalDate from) {
        int n = HandlingRules.workingDaysFor(rules.value("denunciation.resolution-working-days"), unit);
        return ruleSets.workingDays().plusWorkingDaysIfCovered(from, n).orElse(null);
    }

    Denunciation lock(OrgUnitCopy actorUnit, UUID id, long version) {
        return HandlingRules.locked(em, Denunciation.class, actorUnit, id, version, "denunciation");
    }

    private void move(Denunciation d, String action, Status to, LocalDate on, String summary) {
        move(d, action, to, on, summary, null);
    }

    /** {@code denouncerNote}: text written to or about the denouncers, never in the summary, which the history shows. */
    private void move(Denunciation d, String action, Status to, LocalDate on, String summary, String denouncerNote) {
        Status from = d.status;
        d.status = to;
        HandlingRules.changed(d, clock);
        record(d, action, from, to, on, summary, denouncerNote);
    }

    private void record(Denunciation d, String action, Status from, Status to, LocalDate on, String summary, String denouncerNote) {
        Denunciation.Step s = new Denunciation.Step();
        s.denunciationId = d.id;
        s.fill(action, on, summary, caller.subject(), d.updatedAt);
        s.denouncerNoteSealed = denouncerNote == null ? null : cipher.seal(VietnameseText.normalise(denouncerNote), PURPOSE);
        s.fromStatus = from == null ? to : from;
        s.toStatus = to;
        s.persist();
        audit.record("denunciation." + action.toLowerCase(), "denunciation", d.id, Map.of("status", to.name(), "version", d.version));
    }

    private static String json(Object o) {
        try {
            return EventJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
