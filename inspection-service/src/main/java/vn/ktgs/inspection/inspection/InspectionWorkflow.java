package vn.ktgs.inspection.inspection;

import vn.ktgs.inspection.inspection.InspectionCodes.Activity;
import vn.ktgs.inspection.inspection.InspectionCodes.Status;
import vn.ktgs.kit.problem.ProblemException;

import java.util.Map;
import java.util.Set;

import static vn.ktgs.inspection.inspection.InspectionCodes.Status.ARCHIVED;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.CANCELLED;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.CONCLUDED;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.DECIDED;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.DRAFT_REPORT;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.FOLLOW_UP;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.HEARD;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.NOTICE_ISSUED;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.NOTIFIED;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.PLANNED;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.PROPOSED_INSPECTION;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.REPORT;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.RESULT_NOTICE;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.SELF_REPORT;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.VERIFYING;
import static vn.ktgs.inspection.inspection.InspectionCodes.Status.WORKING;

/**
 * The state machines of DOMAIN §5, one per activity.
 * <ul>
 * <li>Inspection: PLANNED → DECIDED → NOTIFIED → SELF_REPORT → VERIFYING → DRAFT_REPORT → HEARD → CONCLUDED →
 * NOTICE_ISSUED → FOLLOW_UP → ARCHIVED.</li>
 * <li>Supervision: PLANNED → NOTIFIED → REPORT → WORKING → RESULT_NOTICE → (signs of violation) PROPOSED_INSPECTION,
 * then ARCHIVED.</li>
 * </ul>
 * Either can be CANCELLED before its field work starts. Each action says who takes it: the team drafts and
 * records, only the deciding body decides and concludes.
 */
public final class InspectionWorkflow {
    private InspectionWorkflow() {
    }

    /** The team (officers, commission and committee members of the deciding unit), or the deciding body in session. */
    public enum Actor {
        TEAM,
        DECIDING_BODY
    }

    /** From which statuses an action may be taken, for one activity, and the status it leads to (null: unchanged). */
    record Step(Set<Status> from, Status to, Actor actor) {
    }

    public enum Action {
        EDIT("edited",
                Map.of(Activity.INSPECTION, new Step(Set.of(PLANNED), null, Actor.TEAM),
                        Activity.SUPERVISION, new Step(Set.of(PLANNED), null, Actor.TEAM))),
        DECIDE("decided",
                Map.of(Activity.INSPECTION, new Step(Set.of(PLANNED), DECIDED, Actor.DECIDING_BODY))),
        NOTIFY("notified",
                Map.of(Activity.INSPECTION, new Step(Set.of(DECIDED), NOTIFIED, Actor.TEAM),
                        Activity.SUPERVISION, new Step(Set.of(PLANNED), NOTIFIED, Actor.DECIDING_BODY))),
        SELF_REPORT_RECEIVED("given a self-report",
                Map.of(Activity.INSPECTION, new Step(Set.of(NOTIFIED), SELF_REPORT, Actor.TEAM),
                        Activity.SUPERVISION, new Step(Set.of(NOTIFIED), REPORT, Actor.TEAM))),
        VERIFY("verified",
                Map.of(Activity.INSPECTION, new Step(Set.of(SELF_REPORT, VERIFYING), VERIFYING, Actor.TEAM),
                        Activity.SUPERVISION, new Step(Set.of(REPORT, WORKING), WORKING, Actor.TEAM))),
        DRAFT_REPORT_WRITTEN("given a draft report",
                Map.of(Activity.INSPECTION, new Step(Set.of(VERIFYING), DRAFT_REPORT, Actor.TEAM))),
        HEAR("heard",
                Map.of(Activity.INSPECTION, new Step(Set.of(DRAFT_REPORT), HEARD, Actor.TEAM))),
        CONCLUDE("concluded",
                Map.of(Activity.INSPECTION, new Step(Set.of(HEARD), CONCLUDED, Actor.DECIDING_BODY))),
        ISSUE_NOTICE("given a conclusion notice",
                Map.of(Activity.INSPECTION, new Step(Set.of(CONCLUDED), NOTICE_ISSUED, Actor.DECIDING_BODY))),
        ISSUE_RESULT("given a result notice",
                Map.of(Activity.SUPERVISION, new Step(Set.of(WORKING), RESULT_NOTICE, Actor.DECIDING_BODY))),
        PROPOSE_INSPECTION("turned into an inspection proposal",
                Map.of(Activity.SUPERVISION, new Step(Set.of(RESULT_NOTICE), PROPOSED_INSPECTION, Actor.DECIDING_BODY))),
        FOLLOW_UP_STARTED("followed up",
                Map.of(Activity.INSPECTION, new Step(Set.of(NOTICE_ISSUED), FOLLOW_UP, Actor.TEAM))),
        RECORD_RECOVERY("given a recovered amount",
                Map.of(Activity.INSPECTION, new Step(Set.of(CONCLUDED, NOTICE_ISSUED, FOLLOW_UP), null, Actor.TEAM))),
        ARCHIVE("archived",
                Map.of(Activity.INSPECTION, new Step(Set.of(NOTICE_ISSUED, FOLLOW_UP), ARCHIVED, Actor.TEAM),
                        Activity.SUPERVISION, new Step(Set.of(RESULT_NOTICE, PROPOSED_INSPECTION), ARCHIVED, Actor.TEAM))),
        CANCEL("cancelled",
                Map.of(Activity.INSPECTION, new Step(Set.of(PLANNED, DECIDED), CANCELLED, Actor.DECIDING_BODY),
                        Activity.SUPERVISION, new Step(Set.of(PLANNED, NOTIFIED), CANCELLED, Actor.DECIDING_BODY)));

        final String past;
        final Map<Activity, Step> steps;

        Action(String past, Map<Activity, Step> steps) {
            this.past = past;
            this.steps = steps;
        }
    }

    /** Steps that are field work: none before the decision and the notice to the subject (DOMAIN §7.10). */
    private static final Set<Action> FIELD_WORK = Set.of(Action.SELF_REPORT_RECEIVED, Action.VERIFY,
            Action.DRAFT_REPORT_WRITTEN, Action.HEAR);

    /** Who takes {@code action} on this activity; 409 when the activity has no such step. */
    public static Actor actor(Activity activity, Action action) {
        return step(activity, action).actor();
    }

    /** The status after {@code action}; 409 naming the rule when the status or the activity does not allow it. */
    public static Status next(Activity activity, Status current, Action action) {
        Step step = step(activity, action);
        if (!step.from().contains(current)) {
            if (FIELD_WORK.contains(action) && (current == PLANNED || current == DECIDED)) {
                throw ProblemException.conflict("status", "field-work-after-notice", "no field work before the decision and "
                        + "the notice to the subject (DOMAIN §7.10): this " + activity.name().toLowerCase() + " is " + current);
            }
            throw ProblemException.conflict("status", "transition-allowed", "a " + activity.name().toLowerCase() + " in status "
                    + current + " cannot be " + action.past + "; allowed from " + step.from().stream().sorted().toList());
        }
        return step.to() == null ? current : step.to();
    }

    private static Step step(Activity activity, Action action) {
        Step step = action.steps.get(activity);
        if (step == null) {
            throw ProblemException.conflict("status", activity == Activity.SUPERVISION && action == Action.CONCLUDE
                    ? "supervision-no-conclusion" : "transition-allowed",
                    "a " + activity.name().toLowerCase() + " cannot be " + action.past + (activity == Activity.SUPERVISION
                            ? ": a supervision issues a result notice and, on signs of violation, proposes an inspection"
                            : ""));
        }
        return step;
    }
}
