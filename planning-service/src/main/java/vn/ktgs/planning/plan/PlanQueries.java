package vn.ktgs.planning.plan;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.orgcopy.OrgSubtree;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.text.VietnameseText;
import vn.ktgs.planning.org.OrgUnit;
import vn.ktgs.planning.plan.PlanCodes.Kind;
import vn.ktgs.planning.plan.PlanCodes.Status;

import java.util.List;
import java.util.UUID;

/** Reads of plans, always within the caller's subtree ({@link PlanAuthority}). */
@ApplicationScoped
public class PlanQueries {
    private final PlanAuthority authority;

    PlanQueries(PlanAuthority authority) {
        this.authority = authority;
    }

    public Plan visible(OrgUnit actorUnit, UUID id) {
        return authority.requireVisible(actorUnit, id, id == null ? null : Plan.findById(id));
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
            where.append(OrgSubtree.condition("ownerUnitId", "OrgUnit"));
            params = scope.subtree().parameters();
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
}
