package vn.ktgs.planning.org;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.text.VietnameseText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organisation directory: every change to the tree goes through here, and each one writes the
 * row, an audit record and the unit's event in one transaction. {@code actorUnit} is the caller's own
 * org unit: it may act on that unit's subtree only.
 */
@ApplicationScoped
public class OrgDirectory {
    /** Where a caller finds the level codes a unit and a search may name. */
    private static final String LEVELS = "GET /api/v1/org-units/levels";

    private final EntityManager em;
    private final OrgEvents events;
    private final Audit audit;
    private final Clock clock;

    OrgDirectory(EntityManager em, OrgEvents events, Audit audit, Clock clock) {
        this.em = em;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The unit if it exists and lies in the actor's subtree; otherwise 404, the same for both. */
    public OrgUnit visible(OrgUnit actorUnit, UUID id) {
        OrgUnit u = id == null ? null : OrgUnit.findById(id);
        if (u == null || !actorUnit.contains(u)) {
            throw ProblemException.notFound("org unit " + id);
        }
        return u;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OrgUnit create(OrgUnit actorUnit, OrgUnitRequests.Create cmd, UUID id) {
        OrgLevel level = level(cmd.level());
        OrgUnit parent = parentFor(actorUnit, cmd.parentId());
        OrgUnitRules.checkPlacement(level, level(parent.level), parent, LocalDate.now(clock));
        boolean hasUbkt = Boolean.TRUE.equals(cmd.hasUbkt());
        OrgUnitRules.checkCapabilities(level, hasUbkt);
        String code = cmd.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (OrgUnit.count("code", code) > 0) {
            throw ProblemException.conflict("code", "code-unique", "an org unit with code " + code + " exists already");
        }
        OrgUnit u = new OrgUnit();
        u.id = id == null ? UUID.randomUUID() : id;
        u.code = code;
        setName(u, cmd.name());
        u.level = level.code;
        u.parentId = parent.id;
        u.path = OrgUnit.childPath(parent, u.id);
        u.hasUbkt = hasUbkt;
        u.hasBtv = Boolean.TRUE.equals(cmd.hasBtv());
        u.authorisedToAdmit = Boolean.TRUE.equals(cmd.authorisedToAdmit());
        u.active = true;
        u.version = 1;
        u.createdAt = Instant.now(clock);
        u.updatedAt = u.createdAt;
        u.persist();
        events.announce(u);
        audit.record("org-unit.created", "org-unit", u.id, Map.of("code", u.code, "name", u.name, "level", u.level,
                "parentId", u.parentId.toString()));
        return u;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OrgUnit rename(OrgUnit actorUnit, UUID id, Long expectedVersion, String name) {
        OrgUnit u = lockVisible(actorUnit, id, expectedVersion);
        String before = u.name;
        setName(u, name);
        if (!u.name.equals(before)) {
            changed(u, "org-unit.renamed", Map.of("from", before, "to", u.name));
        }
        return u;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OrgUnit move(OrgUnit actorUnit, UUID id, Long expectedVersion, UUID newParentId) {
        OrgUnit u = lockVisible(actorUnit, id, expectedVersion);
        requireBelow(actorUnit, u, "move");
        if (u.parentId.equals(newParentId)) {
            return u;
        }
        OrgUnit parent = parentFor(actorUnit, newParentId);
        OrgUnitRules.checkNoCycle(u, parent);
        OrgUnitRules.checkPlacement(level(u.level), level(parent.level), parent, LocalDate.now(clock));
        String oldPath = u.path;
        String oldBound = u.subtreeBound();
        UUID oldParent = u.parentId;
        u.parentId = parent.id;
        u.path = OrgUnit.childPath(parent, u.id);
        changed(u, "org-unit.moved", Map.of("fromParentId", oldParent.toString(), "toParentId", parent.id.toString()));
        // Every unit below changes its ancestors: new path, new version, new event.
        List<OrgUnit> below = em.createQuery("from OrgUnit where path > :path and path < :bound order by path", OrgUnit.class)
                .setParameter("path", oldPath)
                .setParameter("bound", oldBound)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (OrgUnit d : below) {
            d.path = u.path + d.path.substring(oldPath.length());
            d.version++;
            d.updatedAt = u.updatedAt;
            events.announce(d);
        }
        return u;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OrgUnit deactivate(OrgUnit actorUnit, UUID id, Long expectedVersion) {
        OrgUnit u = lockVisible(actorUnit, id, expectedVersion);
        requireBelow(actorUnit, u, "deactivate");
        if (!u.active) {
            return u;
        }
        long activeChildren = OrgUnit.count("parentId = ?1 and active = true", u.id);
        if (activeChildren > 0) {
            throw ProblemException.conflict(null, "no-active-children",
                    "org unit " + u.code + " still has " + activeChildren + " active units under it; deactivate or move them first");
        }
        u.active = false;
        changed(u, "org-unit.deactivated", Map.of());
        return u;
    }

    public vn.ktgs.kit.paging.Page<OrgUnit> children(OrgUnit actorUnit, UUID id, boolean includeInactive, PageParams paging) {
        OrgUnit parent = visible(actorUnit, id);
        String where = "parentId = :parent" + (includeInactive ? "" : " and active = true");
        return page(where, Parameters.with("parent", parent.id), paging);
    }

    /** Units in the actor's subtree whose name contains {@code q}, diacritics and case ignored. */
    public vn.ktgs.kit.paging.Page<OrgUnit> search(OrgUnit actorUnit, String q, String level, boolean includeInactive,
                                                   PageParams paging) {
        StringBuilder where = new StringBuilder("path >= :subtree and path < :bound");
        Parameters params = Parameters.with("subtree", actorUnit.path).and("bound", actorUnit.subtreeBound());
        if (q != null && !q.isBlank()) {
            where.append(" and nameFolded like :q escape '\\'");
            params.and("q", VietnameseText.containsPattern(q));
        }
        if (level != null && !level.isBlank()) {
            // A misspelt level is the caller's mistake, not a filter that matches nothing.
            if (OrgLevel.findById(level) == null) {
                throw ProblemException.invalid("level", "level-known",
                        "level must be one of the codes listed at " + LEVELS);
            }
            where.append(" and level = :level");
            params.and("level", level);
        }
        if (!includeInactive) {
            where.append(" and active = true");
        }
        return page(where.toString(), params, paging);
    }

    public List<OrgLevel> levels() {
        return OrgLevel.list("order by sortOrder");
    }

    private vn.ktgs.kit.paging.Page<OrgUnit> page(String where, Parameters params, PageParams paging) {
        var query = OrgUnit.<OrgUnit>find(where, Sort.by("nameFolded").and("id"), params);
        List<OrgUnit> items = query.page(Page.of(paging.page, paging.size)).list();
        return new vn.ktgs.kit.paging.Page<>(items, paging.page, paging.size, query.count());
    }

    private OrgUnit lockVisible(OrgUnit actorUnit, UUID id, Long expectedVersion) {
        OrgUnit u = id == null ? null : em.find(OrgUnit.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (u == null || !actorUnit.contains(u)) {
            throw ProblemException.notFound("org unit " + id);
        }
        if (expectedVersion != null && expectedVersion != u.version) {
            throw ProblemException.staleVersion(u.version);
        }
        return u;
    }

    /** Moving or deactivating a unit changes its place above, so only a unit above it may do so. */
    private static void requireBelow(OrgUnit actorUnit, OrgUnit u, String action) {
        if (actorUnit.id.equals(u.id)) {
            throw ProblemException.forbidden("an org unit's own administrators may not " + action + " it; its superior may");
        }
    }

    /**
     * The new parent, locked: a concurrent move of the parent (or of one of its ancestors under this unit)
     * waits, so the cycle check below sees the tree as it will be committed.
     */
    private OrgUnit parentFor(OrgUnit actorUnit, UUID parentId) {
        OrgUnit parent = parentId == null ? null : OrgUnit.findById(parentId);
        if (parent != null) {
            em.flush(); // a parent created earlier in this transaction (the demo tree) must be a row before it is re-read
            em.refresh(parent, LockModeType.PESSIMISTIC_WRITE);
        }
        if (parent == null || !actorUnit.contains(parent)) {
            throw ProblemException.ruleViolated("parentId", "parent-exists",
                    "parent org unit " + parentId + " does not exist in the caller's scope");
        }
        return parent;
    }

    private static OrgLevel level(String code) {
        OrgLevel level = code == null ? null : OrgLevel.findById(code);
        if (level == null) {
            throw ProblemException.ruleViolated("level", "level-known",
                    "unknown level " + code + "; see " + LEVELS);
        }
        return level;
    }

    private static void setName(OrgUnit u, String name) {
        u.name = VietnameseText.normalise(name);
        u.nameFolded = VietnameseText.fold(name);
    }

    private void changed(OrgUnit u, String action, Map<String, Object> details) {
        u.version++;
        u.updatedAt = Instant.now(clock);
        events.announce(u);
        audit.record(action, "org-unit", u.id, details);
    }
}
