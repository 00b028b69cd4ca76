package vn.ktgs.inspection.inspection;

import vn.ktgs.events.Origin;
import vn.ktgs.inspection.inspection.InspectionCodes.Activity;
import vn.ktgs.inspection.inspection.InspectionCodes.DecidingBody;
import vn.ktgs.inspection.inspection.InspectionCodes.Kind;
import vn.ktgs.inspection.inspection.InspectionCodes.PublicationScope;
import vn.ktgs.inspection.inspection.InspectionCodes.RemediationStatus;
import vn.ktgs.inspection.inspection.InspectionCodes.Status;
import vn.ktgs.inspection.inspection.InspectionCodes.SubjectType;
import vn.ktgs.inspection.inspection.InspectionCodes.TeamRole;
import vn.ktgs.inspection.inspection.InspectionCodes.VerificationKind;
import vn.ktgs.inspection.remediation.RemediationItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Inspections and supervisions as the API shows them. */
public final class InspectionViews {
    private InspectionViews() {
    }

    /** Something the caller should know but that does not stop the change (e.g. an overlapping inspection). */
    public record Warning(String rule, String message, UUID inspectionId, UUID decidingUnitId, String kind, String status) {
    }

    public record InspectionView(UUID id, Activity activity, Kind kind, Status status, UUID decidingUnitId,
                                 DecidingBody decidingBody, String title, String content, LocalDate periodFrom, LocalDate periodTo,
                                 List<String> fields, UUID planId, UUID planItemId, Origin origin, String ruleSetId,
                                 String decisionNumber, LocalDate decisionDate, LocalDate notifiedOn, List<SubjectView> subjects,
                                 List<TeamMemberView> team, Conclusion conclusion, Notice notice, Finance finance,
                                 List<ViolationView> violations, List<RemediationView> remediation, UUID proposedInspectionId,
                                 long version, String createdBy, Instant createdAt, Instant updatedAt, List<Warning> warnings) {
    }

    public record SubjectView(SubjectType type, UUID orgUnitId, UUID memberId, String name, boolean committeeMember) {
        static SubjectView of(InspectionParts.Subject s) {
            return new SubjectView(s.type, s.orgUnitId, s.memberId, s.name, s.committeeMember);
        }
    }

    public record TeamMemberView(UUID memberId, String fullName, TeamRole role) {
        static TeamMemberView of(InspectionParts.TeamMember t) {
            return new TeamMemberView(t.memberId, t.fullName, t.role);
        }
    }

    public record Conclusion(LocalDate concludedOn, String strengths, String shortcomings, String causes, String responsibility,
                             String signsOfViolation) {
    }

    public record Notice(String noticeNumber, LocalDate noticeDate, List<String> recipients, PublicationScope publicationScope) {
    }

    public record Finance(Long amountFound, Long amountToRecover, long amountRecovered) {
    }

    public record ViolationView(UUID id, SubjectType subjectType, UUID subjectOrgUnitId, UUID subjectMemberId, String subjectName,
                                String act, String article, LocalDate actFrom, LocalDate actTo, boolean continuing,
                                boolean warrantsDiscipline) {
        static ViolationView of(InspectionParts.Violation v) {
            return new ViolationView(v.id, v.subjectType, v.subjectOrgUnitId, v.subjectMemberId, v.subjectName, v.act, v.article,
                    v.actFrom, v.actTo, v.continuing, v.warrantsDiscipline);
        }
    }

    public record RemediationView(UUID id, UUID inspectionId, UUID ownerUnitId, UUID ownerMemberId, String action,
                                  LocalDate deadline, RemediationStatus status, LocalDate doneOn, boolean overdue, long version) {
        public static RemediationView of(RemediationItem r, LocalDate today) {
            return new RemediationView(r.id, r.inspectionId, r.ownerUnitId, r.ownerMemberId, r.action, r.deadline, r.status,
                    r.doneOn, r.overdueOn(today), r.version);
        }
    }

    static InspectionView of(Inspection i, LocalDate today, List<Warning> warnings) {
        return new InspectionView(i.id, i.activity, i.kind, i.status, i.decidingUnitId, i.decidingBody, i.title, i.content,
                i.periodFrom, i.periodTo, i.fields == null ? List.of() : Arrays.asList(i.fields), i.planId, i.planItemId,
                InspectionEvents.origin(i), i.ruleSetId, i.decisionNumber, i.decisionDate, i.notifiedOn,
                InspectionParts.Subject.of(i.id).stream().map(SubjectView::of).toList(),
                InspectionParts.TeamMember.of(i.id).stream().map(TeamMemberView::of).toList(),
                i.concludedOn == null ? null : new Conclusion(i.concludedOn, i.strengths, i.shortcomings, i.causes,
                        i.responsibility, i.signsOfViolation),
                i.noticeNumber == null ? null : new Notice(i.noticeNumber, i.noticeDate, Arrays.asList(i.noticeRecipients),
                        i.publicationScope),
                i.kind == Kind.FINANCE_INSPECTION ? new Finance(i.amountFound, i.amountToRecover, i.amountRecovered) : null,
                InspectionParts.Violation.of(i.id).stream().map(ViolationView::of).toList(),
                RemediationItem.of(i.id).stream().map(r -> RemediationView.of(r, today)).toList(),
                i.proposedInspectionId, i.version, i.createdBy, i.createdAt, i.updatedAt, warnings);
    }

    public record InspectionSummary(UUID id, Activity activity, Kind kind, Status status, UUID decidingUnitId, String title,
                                    String decisionNumber, LocalDate decisionDate, LocalDate periodFrom, LocalDate periodTo,
                                    UUID planItemId, int violations, Instant updatedAt) {
        static InspectionSummary of(Inspection i) {
            return new InspectionSummary(i.id, i.activity, i.kind, i.status, i.decidingUnitId, i.title, i.decisionNumber,
                    i.decisionDate, i.periodFrom, i.periodTo, i.planItemId, i.violations, i.updatedAt);
        }
    }

    public record History(UUID inspectionId, List<StepView> steps, List<VerificationView> verification, List<RecoveryView> recoveries) {
    }

    public record StepView(String action, Status fromStatus, Status toStatus, LocalDate on, String summary, String document,
                           String actor, Instant at) {
        static StepView of(InspectionParts.Step s) {
            return new StepView(s.action, s.fromStatus, s.toStatus, s.onDate, s.summary, s.document, s.actor, s.at);
        }
    }

    public record VerificationView(VerificationKind kind, LocalDate on, String summary, String reference, String actor) {
        static VerificationView of(InspectionParts.Verification v) {
            return new VerificationView(v.kind, v.onDate, v.summary, v.reference, v.actor);
        }
    }

    public record RecoveryView(LocalDate on, long amount, String note, String actor) {
        static RecoveryView of(InspectionParts.Recovery r) {
            return new RecoveryView(r.onDate, r.amount, r.note, r.actor);
        }
    }
}
