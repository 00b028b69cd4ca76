package vn.ktgs.complaints.appeal;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.complaints.HandlingRules;
import vn.ktgs.complaints.appeal.AppealCodes.Status;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.paging.ListQuery;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reads of appeals, within the caller's subtree: an appeal is visible to its handling unit and the units above it. */
@ApplicationScoped
public class AppealQueries {
    private final Clock clock;

    AppealQueries(Clock clock) {
        this.clock = clock;
    }

    public Appeal visible(OrgUnitCopy actorUnit, UUID id) {
        return HandlingRules.visible(Appeal.<Appeal>findById(id), actorUnit, "appeal", id);
    }

    public AppealViews.AppealView view(Appeal a) {
        return AppealViews.AppealView.of(a, LocalDate.now(clock));
    }

    public AppealViews.History history(OrgUnitCopy actorUnit, UUID id) {
        Appeal a = visible(actorUnit, id);
        return new AppealViews.History(a.id, Appeal.Step.of(a.id).stream().map(AppealViews.StepView::of).toList());
    }

    /** Appeals handled in {@code scope} (and below it), latest change first; {@code overdue}: open past their deadline. */
    public Page<Appeal> list(OrgUnitCopy scope, boolean subtree, Status status, UUID caseId, Boolean overdue, PageParams paging) {
        ListQuery q = ListQuery.within(scope, subtree, "handlingUnitId").equal("status", status).equal("caseId", caseId);
        if (Boolean.TRUE.equals(overdue)) {
            q.and("status in :open and dueOn < :today", "open", Status.OPEN);
            q.parameters().and("today", LocalDate.now(clock));
        }
        return ListQuery.page(Appeal.find(q.where(), Sort.descending("updatedAt").and("id"), q.parameters()), paging);
    }
}
