package vn.ktgs.planning.plan;

import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.planning.plan.PlanCodes.Status;

import java.util.Set;

import static vn.ktgs.planning.plan.PlanCodes.Status.APPROVED;
import static vn.ktgs.planning.plan.PlanCodes.Status.CLOSED;
import static vn.ktgs.planning.plan.PlanCodes.Status.DRAFT;
import static vn.ktgs.planning.plan.PlanCodes.Status.RETURNED;
import static vn.ktgs.planning.plan.PlanCodes.Status.SUBMITTED;

/**
 * The plan's state machine: DRAFT → SUBMITTED → APPROVED → CLOSED, RETURNED when sent back, and an
 * amendment that opens a new DRAFT revision of an approved plan (the approved one stays in force).
 */
public final class PlanWorkflow {
    private PlanWorkflow() {
    }

    /** Who may take an action: the owning unit's officers, or a committee of the owning unit or above it. */
    public enum Actor {
        OWNER_OFFICER,
        COMMITTEE_AT_OR_ABOVE
    }

    public enum Action {
        EDIT(Set.of(DRAFT, RETURNED), null, Actor.OWNER_OFFICER),
        SUBMIT(Set.of(DRAFT, RETURNED), SUBMITTED, Actor.OWNER_OFFICER),
        RETURN(Set.of(SUBMITTED), RETURNED, Actor.COMMITTEE_AT_OR_ABOVE),
        APPROVE(Set.of(SUBMITTED), APPROVED, Actor.COMMITTEE_AT_OR_ABOVE),
        CLOSE(Set.of(APPROVED), CLOSED, Actor.COMMITTEE_AT_OR_ABOVE),
        AMEND(Set.of(APPROVED), DRAFT, Actor.OWNER_OFFICER);

        public final Set<Status> from;
        /** null: the status stays as it is. */
        public final Status to;
        public final Actor actor;

        Action(Set<Status> from, Status to, Actor actor) {
            this.from = from;
            this.to = to;
            this.actor = actor;
        }
    }

    /** The status after {@code action}; 409 naming the rule when the plan's status does not allow it. */
    public static Status next(Status current, Action action) {
        if (!action.from.contains(current)) {
            throw ProblemException.conflict("status", "transition-allowed", "a plan in status " + current
                    + " cannot be " + past(action) + "; allowed from " + action.from.stream().sorted().toList());
        }
        return action.to == null ? current : action.to;
    }

    private static String past(Action a) {
        return switch (a) {
            case EDIT -> "edited";
            case SUBMIT -> "submitted";
            case RETURN -> "returned";
            case APPROVE -> "approved";
            case CLOSE -> "closed";
            case AMEND -> "amended";
        };
    }
}
