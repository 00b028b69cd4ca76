package vn.ktgs.planning.plan;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.PlanApproved;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.outbox.Outbox;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.RuleSets;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.text.VietnameseText;
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
 * KT,GS plans: drafting, the workflow, amendments. Each change writes the plan, its history, an audit
 * record and (on approval) its event in one transaction. {@code actorUnit} is the caller's own unit:
 * a plan is visible when its owner lies in that unit's subtree; otherwise it is 404.
 */
@ApplicationScoped
public class Plans {
    public static final String RULE_DOMAIN = "planning";

    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final RuleSets ruleSets;
    private final Caller caller;
    private final Clock clock = Clock.systemDefaultZone();

    Plans(EntityManager em, Outbox outbox, Audit audit, RuleSets ruleSets, Caller caller) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.ruleSets = ruleSets;
        this.caller = caller;
    }

    public Plan visible(OrgUnit actorUnit, UUID id) {
        Plan p = id == null ? null : Plan.findById(id);
        if (p == null || !actorUnit.contains(owner(p))) {
            throw ProblemException.notFound("plan " + id);
        }
        return p;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Plan create(OrgUnit actorUnit, PlanRequests.Draft d) {
        OrgUnit owner = ownerFor(actorUnit, d.ownerUnitId());
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
        authorize(p, actorUnit, Action.EDIT);
        PlanWorkflow.next(p.status, Action.EDIT);
        if (d.ownerUnitId() != null && !d.ownerUnitId().equals(p.ownerUnitId)) {
            throw ProblemException.ruleViolated("ownerUnitId", "owner-fixed", "a plan's owning unit cannot change");
        }
        if (p.approvedRevision != null) {
            requireSameSpan(p, d);
        }
        requireKnownItemIds(p, d);
        RuleSet rules = ruleSets.inForce(RULE_DOMAIN, today());
        PlanRules.Checked checked = check(d, owner(p), rules);
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
        authorize(p, actorUnit, action);
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
        authorize(p, actorUnit, Action.AMEND);
        Status to = PlanWorkflow.next(p.status, Action.AMEND);
        PlanRequests.Draft content = a.content() != null ? a.content() : draftOf(p, p.approvedRevision);
        requireSameSpan(p, content);
        requireKnownItemIds(p, content);
        RuleSet rules = ruleSets.inForce(RULE_DOMAIN, today());
        PlanRules.Checked checked = check(content, owner(p), rules);
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

    public PlanViews.PlanView view(OrgUnit actorUnit, UUID id, Integer revision) {
        Plan p = visible(actorUnit, id);
        int shown = revision == null ? p.revision : revision;
        PlanRevision r = PlanRevision.of(p, shown);
        if (r == null) {
            throw ProblemException.notFound("revision " + shown + " of plan " + id);
        }
        return PlanViews.PlanView.of(p, r, PlanItem.of(p.id, shown));
    }

    /** The latest revision of a plan the caller has just changed (already checked to be visible). */
    public PlanViews.PlanView latestView(Plan p) {
        return PlanViews.PlanView.of(p, PlanRevision.of(p, p.revision), PlanItem.of(p.id, p.revision));
    }

    public PlanViews.History history(OrgUnit actorUnit, UUID id) {
        Plan p = visible(actorUnit, id);
        List<PlanRevision> revisions = PlanRevision.list("planId = ?1 order by revision", p.id);
        List<PlanTransition> transitions = PlanTransition.list("planId = ?1 order by id", p.id);
        return new PlanViews.History(p.id, revisions.stream().map(PlanViews.RevisionView::of).toList(),
                transitions.stream().map(PlanViews.TransitionView::of).toList());
    }

    /** Plans of {@code scope} (and, with {@code subtree}, of every unit below it), newest first. */
    public Page<Plan> list(OrgUnit scope, boolean subtree, Integer year, Kind kind, Status status, String q, PageParams paging) {
        StringBuilder where = new StringBuilder();
        Parameters params;
        if (subtree) {
            where.append("ownerUnitId in (select u.id from OrgUnit u where u.path >= :path and u.path < :bound)");
            params = Parameters.with("path", scope.path).and("bound", scope.subtreeBound());
        } else {
            where.append("ownerUnitId = :owner");
            params = Parameters.with("owner", scope.id);
        }
        if (year != null) {
            where.append(" and (year = :year or (termStart <= :year and termEnd >= :year))");
            params.and("year", year);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and titleFolded like :q escape '\\'");
            params.and("q", VietnameseText.containsPattern(q));
        }
        var query = Plan.<Plan>find(where.toString(), Sort.descending("updatedAt").and("id"), params);
        List<Plan> items = query.page(io.quarkus.panache.common.Page.of(paging.page, paging.size)).list();
        return new Page<>(items, paging.page, paging.size, query.count());
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
        PlanApproved event = new PlanApproved(p.id, p.revision, p.ownerUnitId, p.kind.name(), p.year, p.termStart, p.termEnd,
                r.title, p.ruleSetId, r.reason, now, items.stream().map(i -> new PlanApproved.Item(i.id, i.activity.name(),
                i.kind.name(), PlanViews.subjectOf(i), i.content, i.focus, i.periodFrom, i.periodTo, i.lead, i.notes)).toList());
        outbox.publish(Topics.PLANNING, amendment ? EventTypes.PLAN_AMENDED : EventTypes.PLAN_APPROVED, p.id.toString(), event);
    }

    private PlanRules.Checked check(PlanRequests.Draft d, OrgUnit owner, RuleSet rules) {
        Set<UUID> subjectIds = d.items().stream().map(i -> i.subject().orgUnitId()).collect(Collectors.toSet());
        Map<UUID, OrgUnit> units = subjectIds.isEmpty() ? Map.of()
                : OrgUnit.<OrgUnit>list("id in ?1", subjectIds).stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        return PlanRules.check(d, owner, OrgLevel.findById(owner.level), units, rules);
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
            i.subjectType = req.subject().type();
            i.subjectOrgUnitId = req.subject().orgUnitId();
            i.subjectMemberId = req.subject().type() == PlanCodes.SubjectType.MEMBER ? req.subject().memberId() : null;
            i.subjectMemberName = req.subject().type() == PlanCodes.SubjectType.MEMBER ? VietnameseText.normalise(req.subject().memberName()) : null;
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

    private void authorize(Plan p, OrgUnit actorUnit, Action action) {
        boolean allowed = switch (action.actor) {
            case OWNER_OFFICER -> caller.hasRole(Roles.OFFICER) && actorUnit.id.equals(p.ownerUnitId);
            case COMMITTEE_AT_OR_ABOVE -> caller.hasRole(Roles.COMMITTEE); // visible() put the caller at or above the owner
        };
        if (!allowed) {
            throw ProblemException.forbidden(action.actor == PlanWorkflow.Actor.OWNER_OFFICER
                    ? "only an officer of the owning unit may " + action.name().toLowerCase() + " this plan"
                    : "only a committee member of the owning unit or a unit above it may " + action.name().toLowerCase() + " this plan");
        }
    }

    private OrgUnit ownerFor(OrgUnit actorUnit, UUID ownerUnitId) {
        if (ownerUnitId == null || ownerUnitId.equals(actorUnit.id)) {
            return actorUnit;
        }
        OrgUnit owner = OrgUnit.findById(ownerUnitId);
        if (owner == null || !actorUnit.contains(owner)) {
            throw ProblemException.ruleViolated("ownerUnitId", "owner-exists", "org unit " + ownerUnitId + " does not exist in the caller's scope");
        }
        throw ProblemException.forbidden("a unit's plans are drafted by its own officers");
    }

    private Plan lockVisible(OrgUnit actorUnit, UUID id, Long expectedVersion) {
        Plan p = id == null ? null : em.find(Plan.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !actorUnit.contains(owner(p))) {
            throw ProblemException.notFound("plan " + id);
        }
        if (expectedVersion != null && expectedVersion != p.version) {
            throw ProblemException.staleVersion(p.version);
        }
        return p;
    }

    private static OrgUnit owner(Plan p) {
        return OrgUnit.findById(p.ownerUnitId);
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
