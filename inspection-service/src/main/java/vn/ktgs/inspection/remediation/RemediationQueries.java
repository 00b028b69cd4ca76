package vn.ktgs.inspection.remediation;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.inspection.inspection.InspectionCodes.RemediationStatus;
import vn.ktgs.kit.orgcopy.OrgSubtree;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;

import java.time.LocalDate;
import java.util.List;

/** Reads of remediation items: those the units of a subtree must remedy, optionally only the overdue ones. */
@ApplicationScoped
public class RemediationQueries {

    /**
     * Items owned by units of {@code scope}'s subtree, earliest deadline first; {@code overdue}: past the deadline and
     * not done on {@code today} (a deadline ends at the end of its day).
     */
    public Page<RemediationItem> list(OrgUnitCopy scope, Boolean overdue, RemediationStatus status, LocalDate today, PageParams paging) {
        StringBuilder where = new StringBuilder(OrgSubtree.condition("ownerUnitId", "OrgUnitCopy"));
        Parameters params = scope.subtree().parameters();
        if (Boolean.TRUE.equals(overdue)) {
            where.append(" and status <> :done and deadline < :today");
            params.and("done", RemediationStatus.DONE).and("today", today);
        } else if (Boolean.FALSE.equals(overdue)) {
            where.append(" and (status = :done or deadline >= :today)");
            params.and("done", RemediationStatus.DONE).and("today", today);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        var query = RemediationItem.<RemediationItem>find(where.toString(), Sort.ascending("deadline").and("id"), params);
        List<RemediationItem> items = query.page(io.quarkus.panache.common.Page.of(paging.page, paging.size)).list();
        return new Page<>(items, paging.page, paging.size, query.count());
    }
}
