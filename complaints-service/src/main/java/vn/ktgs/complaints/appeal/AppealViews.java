package vn.ktgs.complaints.appeal;

import vn.ktgs.complaints.appeal.AppealCodes.Outcome;
import vn.ktgs.complaints.appeal.AppealCodes.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What the appeal endpoints return. */
public final class AppealViews {
    private AppealViews() {
    }

    public record AppealView(UUID id, UUID caseId, UUID appellantMemberId, String appellantName, boolean filedBySubject,
                             LocalDate decisionReceivedOn, boolean refusedDecision, LocalDate postmarkedOn, LocalDate filedDirectlyOn,
                             LocalDate filedOn, LocalDate receivedOn, String content, UUID handlingUnitId, String handlingBody, int level,
                             Status status, List<String> rejectionReasons, LocalDate dueOn, boolean overdue, String proposedForm,
                             UUID transferredFromUnitId, Outcome outcome, String newForm, LocalDate decidedOn, String decisionNumber, LocalDate notifiedOn, String ruleSetId,
                             long version, Instant createdAt, Instant updatedAt) {
        static AppealView of(Appeal a, LocalDate today) {
            boolean open = a.status == Status.ACCEPTED || a.status == Status.INVESTIGATING;
            return new AppealView(a.id, a.caseId, a.appellantMemberId, a.appellantName, a.filedBySubject, a.decisionReceivedOn,
                    a.refusedDecision, a.postmarkedOn, a.filedDirectlyOn, a.filedOn(), a.receivedOn, a.content, a.handlingUnitId,
                    a.handlingBody, a.level, a.status, Arrays.asList(a.rejectionReasons), a.dueOn,
                    open && a.dueOn != null && today.isAfter(a.dueOn), a.proposedForm, a.transferredFromUnitId, a.outcome, a.newForm, a.decidedOn, a.decisionNumber,
                    a.notifiedOn, a.ruleSetId, a.version, a.createdAt, a.updatedAt);
        }
    }

    public record StepView(String action, Status fromStatus, Status toStatus, LocalDate on, String summary, String actor, Instant at) {
        static StepView of(Appeal.Step s) {
            return new StepView(s.action, s.fromStatus, s.toStatus, s.onDate, s.summary, s.actor, s.at);
        }
    }

    public record History(UUID id, List<StepView> steps) {
    }
}
