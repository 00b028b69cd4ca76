package vn.ktgs.planning.plan;

import vn.ktgs.events.PlanApproved;
import vn.ktgs.planning.plan.PlanCodes.Activity;
import vn.ktgs.planning.plan.PlanCodes.ItemKind;
import vn.ktgs.planning.plan.PlanCodes.Kind;
import vn.ktgs.planning.plan.PlanCodes.PeriodType;
import vn.ktgs.planning.plan.PlanCodes.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Plans as the API shows them. */
public final class PlanViews {
    private PlanViews() {
    }

    /** A plan with the items of one revision ({@code shownRevision}: the latest unless asked for another). */
    public record PlanView(UUID id, UUID ownerUnitId, Kind kind, Integer year, Integer termStart, Integer termEnd,
                           String title, Status status, int revision, Integer approvedRevision, int shownRevision,
                           String ruleSetId, long version, String createdBy, Instant createdAt, Instant updatedAt,
                           List<ItemView> items) {
        static PlanView of(Plan p, PlanRevision shown, List<PlanItem> items) {
            return new PlanView(p.id, p.ownerUnitId, p.kind, p.year, p.termStart, p.termEnd, shown.title, p.status,
                    p.revision, p.approvedRevision, shown.revision, p.ruleSetId, p.version, p.createdBy, p.createdAt,
                    p.updatedAt, items.stream().map(ItemView::of).toList());
        }
    }

    public record ItemView(UUID id, Activity activity, ItemKind kind, PlanApproved.Subject subject, String content,
                           String focus, PeriodView period, String lead, String notes) {
        static ItemView of(PlanItem i) {
            return new ItemView(i.id, i.activity, i.kind, subjectOf(i), i.content, i.focus,
                    new PeriodView(i.periodType, i.periodFrom, i.periodTo), i.lead, i.notes);
        }
    }

    public record PeriodView(PeriodType type, LocalDate from, LocalDate to) {
    }

    public record PlanSummary(UUID id, UUID ownerUnitId, Kind kind, Integer year, Integer termStart, Integer termEnd,
                              String title, Status status, int revision, Integer approvedRevision, Instant updatedAt) {
        static PlanSummary of(Plan p) {
            return new PlanSummary(p.id, p.ownerUnitId, p.kind, p.year, p.termStart, p.termEnd, p.title, p.status,
                    p.revision, p.approvedRevision, p.updatedAt);
        }
    }

    public record History(UUID planId, List<RevisionView> revisions, List<TransitionView> transitions) {
    }

    public record RevisionView(int revision, String title, String reason, String createdBy, Instant createdAt,
                               String approvedBy, Instant approvedAt) {
        static RevisionView of(PlanRevision r) {
            return new RevisionView(r.revision, r.title, r.reason, r.createdBy, r.createdAt, r.approvedBy, r.approvedAt);
        }
    }

    public record TransitionView(int revision, String action, Status fromStatus, Status toStatus, String reason,
                                 String actor, Instant at) {
        static TransitionView of(PlanTransition t) {
            return new TransitionView(t.revision, t.action, t.fromStatus, t.toStatus, t.reason, t.actor, t.at);
        }
    }

    static PlanApproved.Subject subjectOf(PlanItem i) {
        return new PlanApproved.Subject(i.subjectType.name(), i.subjectOrgUnitId, i.subjectMemberId, i.subjectMemberName,
                i.subjectMemberPosition);
    }
}
