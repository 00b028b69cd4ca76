package vn.ktgs.inspection.inspection;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.inspection.inspection.InspectionCodes.Activity;
import vn.ktgs.inspection.inspection.InspectionCodes.Kind;
import vn.ktgs.inspection.inspection.InspectionCodes.Status;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.paging.ListQuery;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;

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
        ListQuery q = ListQuery.within(scope, subtree, "decidingUnitId").equal("activity", f.activity()).equal("kind", f.kind())
                .equal("status", f.status()).inYear("openedOn", f.year())
                .and("id in (select s.inspectionId from InspectionSubject s where s.orgUnitId = :subjectUnit)", "subjectUnit", f.subjectOrgUnitId())
                .and("id in (select s.inspectionId from InspectionSubject s where s.memberId = :subjectMember)", "subjectMember", f.subjectMemberId())
                .equal("planItemId", f.planItemId()).contains("titleFolded", f.q());
        return ListQuery.page(Inspection.find(q.where(), Sort.descending("updatedAt").and("id"), q.parameters()), paging);
    }
}
