package vn.ktgs.planning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.RuleSets;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.text.VietnameseText;
import vn.ktgs.kit.orgcopy.OrgSubtree;
import vn.ktgs.planning.member.Member;
import vn.ktgs.planning.org.OrgLevel;
import vn.ktgs.planning.org.OrgUnit;
import vn.ktgs.planning.plan.PlanCodes.Kind;
import vn.ktgs.planning.plan.PlanCodes.Status;
import vn.ktgs.planning.plan.PlanWorkflow.Action;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * KT,GS plans, the commands: drafting, the workflow, amendments. Each one locks the plan, checks the
 * caller ({@link PlanAuthority}), the rules ({@link PlanRules}) and the state machine ({@link PlanWorkflow}),
 * then writes the plan, its history, an audit record and (on approval) its event ({@link PlanEvents}) in
 * one transaction. Reads are {@link PlanQueries}.
 */
@ApplicationScoped
public class Plans {
    public static final String RULE_DOMAIN = "planning";

    private final EntityManager em;
    private final PlanAuthority authority;
    private final PlanEvents events;
    private final Audit audit;
    private final RuleSets ruleSets;
    private final Caller caller;
    private final Clock clock;

    Plans(EntityManager em, PlanAuthority authority, PlanEvents events, Audit audit, RuleSets ruleSets, Caller caller, Clock clock) {
        this.em = em;
        this.authority = authority;
        this.events = events;
        this.audit = audit;
        this.ruleSets = ruleSets;
        this.caller = caller;
        this.clock = clock;
    }


    @Transactional(Transactional.TxType.MANDATORY)
    public Plan create(OrgUnit actorUnit, PlanRequests.Draft d) {
        OrgUnit owner = authority.ownerOfNewPlan(actorUnit, d.ownerUnitId());
        if (d.items().stream().anyMatch(i -> i.id() != null)) {
            throw ProblemException.ruleViolated("items[].id", "item-id-known", "a new plan's items get their ids from the plan");
        }
        RuleSet rules = ruleSets.inForce(RULE_DOMAIN, today());
        PlanRules.Checked checked = check(d, owner, rules);
        Instant now = Instant.now(clock);
        Plan p = new Plan();
        p.id = UUID.randomUUID();
        p.ownerUnitId = owner.id;
        p.kind = d.kind();
        p.year = d.year();
        p.termStart = d.termStart();
        p.termEnd = d.termEnd();
        setTitle(p, d.title());
        p.status = Status.DRAFT;
        p.revision = 1;
        p.ruleSetId = rules.id();
        p.version = 1;
        p.createdBy = caller.subject();
        p.createdAt = now;
        p.updatedAt = now;
        p.persist();
        newRevision(p, 1, null, now);
        writeItems(p, d, checked);
        record(p, "CREATE", null, Status.DRAFT, null);
        return p;
    }

    /** Replaces a draft's title and items; its kind and span may change too, its owner not. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan update(OrgUnit actorUnit, UUID id, Long expectedVersion, PlanRequests.Draft d) {
        Plan p = lockVisible(actorUnit, id, expectedVersion);
        authority.requireAllowed(p, actorUnit, Action.EDIT);
        PlanWorkflow.next(p.status, Action.EDIT);
        if (d.ownerUnitId() != null && !d.ownerUnitId().equals(p.ownerUnitId)) {
            throw ProblemException.ruleViolated("ownerUnitId", "owner-fixed", "a plan's owning unit cannot change");
        }
        if (p.approvedRevision != null) {
            requireSameSpan(p, d);
        }
        requireKnownItemIds(p, d);
        RuleSet rules = ruleSets.inForce(RULE_DOMAIN, today());
        PlanRules.Checked checked = check(d, PlanAuthority.ownerOf(p), rules);
        p.kind = d.kind();
        p.year = d.year();
        p.termStart = d.termStart();
        p.termEnd = d.termEnd();
        p.ruleSetId = rules.id();
        setTitle(p, d.title());
        PlanRevision.of(p, p.revision).title = p.title;
        PlanItem.delete("planId = ?1 and revision = ?2", p.id, p.revision);
        em.flush();
        writeItems(p, d, checked);
        changed(p);
        audit.record("plan.edited", "plan", p.id, Map.of("revision", p.revision, "items", d.items().size()));
        return p;
    }

    /** SUBMIT, RETURN, APPROVE or CLOSE. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan transition(OrgUnit actorUnit, UUID id, Long expectedVersion, Action action, String reason) {
        Plan p = lockVisible(actorUnit, id, expectedVersion);
        authority.requireAllowed(p, actorUnit, action);
        Status from = p.status;
        Status to = PlanWorkflow.next(from, action);
        switch (action) {
            case SUBMIT -> {
                if (PlanItem.count("planId = ?1 and revision = ?2", p.id, p.revision) == 0) {
                    throw ProblemException.ruleViolated("items", "items-required", "a plan needs at least one item to be submitted");
                }
            }
            case RETURN -> {
                if (reason == null || reason.isBlank()) {
                    throw ProblemException.invalid("reason", "notBlank", "a plan is returned with the reason");
                }
            }
            case APPROVE -> approve(p);
            default -> {
                // CLOSE needs nothing more
            }
        }
        p.status = to;
        changed(p);
        record(p, action.name(), from, to, reason);
        return p;
    }

    /** Opens a new draft revision of an approved plan; the approved revision stays in force until this one is approved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan amend(OrgUnit actorUnit, UUID id, Long expectedVersion, PlanRequests.Amendment a) {
        Plan p = lockVisible(actorUnit, id, expectedVersion);
        authority.requireAllowed(p, actorUnit, Action.AMEND);
        Status to = PlanWorkflow.next(p.status, Action.AMEND);
        PlanRequests.Draft content = a.content() != null ? a.content() : draftOf(p, p.approvedRevision);
        requireSameSpan(p, content);
        requireKnownItemIds(p, content);
        RuleSet rules = ruleSets.inForce(RULE_DOMAIN, today());
        PlanRules.Checked checked = check(content, PlanAuthority.ownerOf(p), rules);
        Status from = p.status;
        p.revision++;
        p.status = to;
        p.ruleSetId = rules.id();
        setTitle(p, content.title());
        newRevision(p, p.revision, a.reason(), Instant.now(clock));
        writeItems(p, content, checked);
        changed(p);
        record(p, Action.AMEND.name(), from, to, a.reason());
        return p;
    }





    private void approve(Plan p) {
        if (p.approvedRevision == null) {
            boolean taken = p.kind == Kind.ANNUAL
                    ? Plan.count("ownerUnitId = ?1 and kind = ?2 and year = ?3 and approvedRevision is not null and id <> ?4",
                    p.ownerUnitId, p.kind, p.year, p.id) > 0
                    : Plan.count("ownerUnitId = ?1 and kind = ?2 and termStart = ?3 and termEnd = ?4 and approvedRevision is not null and id <> ?5",
                    p.ownerUnitId, p.kind, p.termStart, p.termEnd, p.id) > 0;
            if (taken) {
                throw ProblemException.conflict("year", "one-approved-plan",
                        "the unit has an approved " + p.kind + " plan for this " + (p.kind == Kind.ANNUAL ? "year" : "term") + " already");
            }
        }
        Instant now = Instant.now(clock);
        PlanRevision r = PlanRevision.of(p, p.revision);
        r.approvedBy = caller.subject();
        r.approvedAt = now;
        boolean amendment = p.approvedRevision != null;
        p.approvedRevision = p.revision;
        List<PlanItem> items = PlanItem.of(p.id, p.revision);
        for (PlanItem i : items) {
            em.createNativeQuery("INSERT INTO plan_item_progress (item_id, plan_id, status) VALUES (?1, ?2, 'PLANNED')"
                            + " ON CONFLICT (item_id) DO NOTHING")
                    .setParameter(1, i.id).setParameter(2, p.id).executeUpdate();
        }
        events.approved(p, r, items, amendment);
    }

    private PlanRules.Checked check(PlanRequests.Draft d, OrgUnit owner, RuleSet rules) {
        Map<String, PlanRules.DirectoryMember> members = directoryMembers(d, owner);
        Set<UUID> subjectIds = d.items().stream().map(i -> i.subject().orgUnitId()).collect(Collectors.toSet());
        members.values().forEach(m -> subjectIds.add(m.unitId()));
        Map<UUID, OrgUnit> units = subjectIds.isEmpty() ? Map.of()
                : OrgUnit.<OrgUnit>list("id in ?1", subjectIds).stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        return PlanRules.check(d, owner, OrgLevel.findById(owner.level), units, members, rules);
    }

    /** The directory members the items name by id, found only within the owner's subtree. */
    private static Map<String, PlanRules.DirectoryMember> directoryMembers(PlanRequests.Draft d, OrgUnit owner) {
        Set<UUID> ids = d.items().stream().map(PlanRequests.Item::subject).filter(PlanRules::namesDirectoryMember)
                .map(s -> UUID.fromString(s.memberId().strip())).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Member.<Member>find("id in :ids and " + OrgSubtree.condition("unitId", "OrgUnit"),
                        owner.subtree().parameters().and("ids", ids)).list().stream()
                .collect(Collectors.toMap(m -> m.id.toString(), m -> new PlanRules.DirectoryMember(m.unitId, m.fullName)));
    }

    private void writeItems(Plan p, PlanRequests.Draft d, PlanRules.Checked checked) {
        for (int n = 0; n < d.items().size(); n++) {
            PlanRequests.Item req = d.items().get(n);
            PlanRules.ResolvedPeriod period = checked.periods().get(n);
            PlanItem i = new PlanItem();
            i.planId = p.id;
            i.revision = p.revision;
            i.id = req.id() != null ? req.id() : UUID.randomUUID();
            i.seq = n;
            i.activity = req.kind().activity;
            i.kind = req.kind();
            // a member named by its directory id takes its unit and name from the directory
            PlanRules.DirectoryMember member = PlanRules.namesDirectoryMember(req.subject())
                    ? checked.members().get(req.subject().memberId().strip()) : null;
            i.subjectType = req.subject().type();
            i.subjectOrgUnitId = member != null ? member.unitId() : req.subject().orgUnitId();
            i.subjectMemberId = req.subject().type() == PlanCodes.SubjectType.MEMBER ? req.subject().memberId().strip() : null;
            i.subjectMemberName = member != null ? member.fullName()
                    : req.subject().type() == PlanCodes.SubjectType.MEMBER ? VietnameseText.normalise(req.subject().memberName()) : null;
            i.subjectMemberPosition = req.subject().type() == PlanCodes.SubjectType.MEMBER ? VietnameseText.normalise(req.subject().memberPosition()) : null;
            i.content = VietnameseText.normalise(req.content());
            i.focus = VietnameseText.normalise(req.focus());
            i.periodType = period.type();
            i.periodFrom = period.from();
            i.periodTo = period.to();
            i.lead = VietnameseText.normalise(req.lead());
            i.notes = VietnameseText.normalise(req.notes());
            i.persist();
        }
    }

    /** The content of a stored revision, as a draft: what an amendment starts from. */
    private PlanRequests.Draft draftOf(Plan p, int revision) {
        List<PlanRequests.Item> items = PlanItem.of(p.id, revision).stream().map(i -> new PlanRequests.Item(i.id, i.activity,
                i.kind, new PlanRequests.Subject(i.subjectType, i.subjectOrgUnitId, i.subjectMemberId, i.subjectMemberName,
                i.subjectMemberPosition), i.content, i.focus, periodOf(i), i.lead, i.notes)).toList();
        return new PlanRequests.Draft(p.ownerUnitId, p.kind, p.year, p.termStart, p.termEnd, PlanRevision.of(p, revision).title, items);
    }

    private static PlanRequests.Period periodOf(PlanItem i) {
        return switch (i.periodType) {
            case MONTH -> new PlanRequests.Period(i.periodType, i.periodFrom.getYear(), i.periodFrom.getMonthValue(), null, null, null);
            case QUARTER -> new PlanRequests.Period(i.periodType, i.periodFrom.getYear(), null, (i.periodFrom.getMonthValue() + 2) / 3, null, null);
            case RANGE -> new PlanRequests.Period(i.periodType, null, null, null, i.periodFrom, i.periodTo);
        };
    }

    private static void requireSameSpan(Plan p, PlanRequests.Draft d) {
        if (d.kind() != p.kind || !Objects.equals(d.year(), p.year) || !Objects.equals(d.termStart(), p.termStart)
                || !Objects.equals(d.termEnd(), p.termEnd)) {
            throw ProblemException.ruleViolated("kind", "span-fixed-after-approval",
                    "an amendment keeps the plan's kind, year or term; draft a new plan for another one");
        }
    }

    /** Item ids in a request must be this plan's own, so that one item keeps one id for good. */
    private static void requireKnownItemIds(Plan p, PlanRequests.Draft d) {
        Set<UUID> given = new HashSet<>();
        d.items().stream().map(PlanRequests.Item::id).filter(Objects::nonNull).forEach(given::add);
        if (given.isEmpty()) {
            return;
        }
        Set<UUID> known = new HashSet<>(PlanItem.getEntityManager()
                .createQuery("select distinct i.id from PlanItem i where i.planId = :plan", UUID.class)
                .setParameter("plan", p.id).getResultList());
        for (int n = 0; n < d.items().size(); n++) {
            UUID itemId = d.items().get(n).id();
            if (itemId != null && !known.contains(itemId)) {
                throw new ProblemException(422, "rule-violated", "The plan breaks a rule", "item " + itemId + " is not an item of this plan",
                        List.of(new FieldError("items[" + n + "].id", "item-id-known", "leave id out for a new item")));
            }
        }
    }



    private Plan lockVisible(OrgUnit actorUnit, UUID id, Long expectedVersion) {
        Plan p = authority.requireVisible(actorUnit, id, id == null ? null : em.find(Plan.class, id, LockModeType.PESSIMISTIC_WRITE));
        if (expectedVersion != null && expectedVersion != p.version) {
            throw ProblemException.staleVersion(p.version);
        }
        return p;
    }


    private void newRevision(Plan p, int revision, String reason, Instant now) {
        PlanRevision r = new PlanRevision();
        r.planId = p.id;
        r.revision = revision;
        r.title = p.title;
        r.reason = reason;
        r.createdBy = caller.subject();
        r.createdAt = now;
        r.persist();
        em.flush(); // the items reference the revision row
    }

    private void record(Plan p, String action, Status from, Status to, String reason) {
        PlanTransition t = new PlanTransition();
        t.planId = p.id;
        t.revision = p.revision;
        t.action = action;
        t.fromStatus = from;
        t.toStatus = to;
        t.reason = reason;
        t.actor = caller.subject();
        t.at = p.updatedAt;
        t.persist();
        audit.record("plan." + action.toLowerCase(), "plan", p.id, reason == null
                ? Map.of("revision", p.revision, "status", to.name())
                : Map.of("revision", p.revision, "status", to.name(), "reason", reason));
    }

    private void changed(Plan p) {
        p.version++;
        p.updatedAt = Instant.now(clock);
    }

    private static void setTitle(Plan p, String title) {
        p.title = VietnameseText.normalise(title);
        p.titleFolded = VietnameseText.fold(title);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
