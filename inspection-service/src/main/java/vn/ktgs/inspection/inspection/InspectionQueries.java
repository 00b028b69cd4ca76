package vn.ktgs.inspection.inspection;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.inspection.inspection.InspectionCodes.Activity;
import vn.ktgs.inspection.inspection.InspectionCodes.Kind;
import vn.ktgs.inspection.inspection.InspectionCodes.Status;
import vn.ktgs.kit.orgcopy.OrgSubtree;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.text.VietnameseText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reads of inspections, always within the caller's subtree ({@link InspectionAuthority}). */
@ApplicationScoped
public class InspectionQueries {
    private final InspectionAuthority authority;
    private final Clock clock;

    InspectionQueries(InspectionAuthority authority, Clock clock) {
        this.authority = authority;
        this.clock = clock;
    }

    public Inspection visible(OrgUnitCopy actorUnit, UUID id) {
        return authority.requireVisible(actorUnit, id, Inspection.findById(id));
    }

    public InspectionViews.InspectionView view(OrgUnitCopy actorUnit, UUID id) {
        return InspectionViews.of(visible(actorUnit, id), LocalDate.now(clock), List.of());
    }

    /** A record the caller has just changed (already checked to be visible), with the change's warnings. */
    public InspectionViews.InspectionView view(Inspection i, List<InspectionViews.Warning> warnings) {
        return InspectionViews.of(i, LocalDate.now(clock), warnings);
    }

    public InspectionViews.History history(OrgUnitCopy actorUnit, UUID id) {
        Inspection i = visible(actorUnit, id);
        return new InspectionViews.History(i.id,
                InspectionParts.Step.of(i.id).stream().map(InspectionViews.StepView::of).toList(),
                InspectionParts.Verification.of(i.id).stream().map(InspectionViews.VerificationView::of).toList(),
                InspectionParts.Recovery.of(i.id).stream().map(InspectionViews.RecoveryView::of).toList());
    }

    /** The filters of the list; any may be null. {@code year}: decided (or notified, for a supervision) that year. */
    public record Filter(Activity activity, Kind kind, Status status, Integer year, UUID subjectOrgUnitId, UUID subjectMemberId,
                         UUID planItemId, String q) {
    }

    /** Inspections decided by {@code scope} (and, with {@code subtree}, by every unit below it), latest change first. */
    public Page<Inspection> list(OrgUnitCopy scope, boolean subtree, Filter f, PageParams paging) {
        StringBuilder where = new StringBuilder();
        Parameters params;
        if (subtree) {
            where.append(OrgSubtree.condition("decidingUnitId", "OrgUnitCopy"));
            params = scope.subtree().parameters();
        } else {
            where.append("decidingUnitId = :unit");
            params = Parameters.with("unit", scope.id);
        }
        if (f.activity() != null) {
            where.append(" and activity = :activity");
            params.and("activity", f.activity());
        }
        if (f.kind() != null) {
            where.append(" and kind = :kind");
            params.and("kind", f.kind());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status());
        }
        if (f.year() != null) {
            where.append(" and openedOn >= :yearFrom and openedOn <= :yearTo");
            params.and("yearFrom", LocalDate.of(f.year(), 1, 1)).and("yearTo", LocalDate.of(f.year(), 12, 31));
        }
        if (f.subjectOrgUnitId() != null) {
            where.append(" and id in (select s.inspectionId from InspectionSubject s where s.orgUnitId = :subjectUnit)");
            params.and("subjectUnit", f.subjectOrgUnitId());
        }
        if (f.subjectMemberId() != null) {
            where.append(" and id in (select s.inspectionId from InspectionSubject s where s.memberId = :subjectMember)");
            params.and("subjectMember", f.subjectMemberId());
        }
        if (f.planItemId() != null) {
            where.append(" and planItemId = :planItem");
            params.and("planItem", f.planItemId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and titleFolded like :q escape '\\'");
            params.and("q", VietnameseText.containsPattern(f.q()));
        }
        var query = Inspection.<Inspection>find(where.toString(), Sort.descending("updatedAt").and("id"), params);
        List<Inspection> items = query.page(io.quarkus.panache.common.Page.of(paging.page, paging.size)).list();
        return new Page<>(items, paging.page, paging.size, query.count());
    }
}
