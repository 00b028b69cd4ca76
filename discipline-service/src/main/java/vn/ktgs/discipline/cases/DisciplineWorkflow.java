package vn.ktgs.discipline.cases;

import vn.ktgs.discipline.cases.DisciplineCodes.Status;
import vn.ktgs.kit.problem.ProblemException;

import java.util.Set;

import static vn.ktgs.discipline.cases.DisciplineCodes.Status.ANNOUNCED;
import static vn.ktgs.discipline.cases.DisciplineCodes.Status.DECIDED;
import static vn.ktgs.discipline.cases.DisciplineCodes.Status.DEFERRED;
import static vn.ktgs.discipline.cases.DisciplineCodes.Status.EFFECT_ENDED;
import static vn.ktgs.discipline.cases.DisciplineCodes.Status.HEARD;
import static vn.ktgs.discipline.cases.DisciplineCodes.Status.OPENED;
import static vn.ktgs.discipline.cases.DisciplineCodes.Status.PROPOSED_UP;
import static vn.ktgs.discipline.cases.DisciplineCodes.Status.REPORTED_UP;
import static vn.ktgs.discipline.cases.DisciplineCodes.Status.SELF_CRITICISM;
import static vn.ktgs.discipline.cases.DisciplineCodes.Status.VOTED;

/**
 * The discipline state machine of DOMAIN §5: OPENED → [DEFERRED] → SELF_CRITICISM → HEARD → VOTED → DECIDED (or
 * LIMITATION_EXPIRED: concluded, not executed) | PROPOSED_UP | NOT_DISCIPLINED → ANNOUNCED (effective) → REPORTED_UP
 * → EFFECT_ENDED. A case is deferred at any step before the decision and takes no step but its resumption, which
 * takes it back where it stopped, a vote kept; there is no decision without a self-criticism record (or a documented
 * refusal) and a hearing record (§7.4, §7.5).
 */
public final class DisciplineWorkflow {
    private DisciplineWorkflow() {
    }

    /** The unit's officers who record the steps, or the body that considers the case, in session. */
    public enum Actor {
        RECORDER,
        DECIDING_BODY
    }

    public enum Action {
        EDIT(Set.of(OPENED), null, Actor.RECORDER),
        // a ground of §6 may arise after the vote too, and a deferred member is not decided on (§7.4)
        DEFER(Set.of(OPENED, SELF_CRITICISM, HEARD, VOTED), DEFERRED, Actor.DECIDING_BODY),
        RESUME(Set.of(DEFERRED), null, Actor.DECIDING_BODY),
        SELF_CRITICISM_RECORDED(Set.of(OPENED), SELF_CRITICISM, Actor.RECORDER),
        HEAR(Set.of(SELF_CRITICISM), HEARD, Actor.RECORDER),
        VOTE(Set.of(HEARD), VOTED, Actor.DECIDING_BODY),
        PROPOSE_UP(Set.of(VOTED), PROPOSED_UP, Actor.DECIDING_BODY),
        DECIDE(Set.of(VOTED), DECIDED, Actor.DECIDING_BODY),
        ANNOUNCE(Set.of(DECIDED), ANNOUNCED, Actor.DECIDING_BODY),
        REPORT_UP(Set.of(ANNOUNCED), REPORTED_UP, Actor.RECORDER),
        END_EFFECT(Set.of(ANNOUNCED, REPORTED_UP), EFFECT_ENDED, Actor.DECIDING_BODY);

        final Set<Status> from;
        /** null: unchanged, or decided by the command (resumption, a vote without result, an expired decision) */
        final Status to;
        public final Actor actor;

        Action(Set<Status> from, Status to, Actor actor) {
            this.from = from;
            this.to = to;
            this.actor = actor;
        }
    }

    /** The status the action leads to; 409 naming the rule when it may not be taken from {@code status}. */
    public static Status next(Status status, Action action) {
        if (!action.from.contains(status)) {
            String rule = status == DEFERRED ? "deferred-no-step"
                    : (action == Action.DECIDE || action == Action.VOTE) && (status == OPENED || status == SELF_CRITICISM)
                    ? "decision-after-self-criticism-and-hearing" : "transition-allowed";
            throw ProblemException.conflict("status", rule, "a case that is " + status + " cannot take the step " + action
                    + (rule.equals("deferred-no-step") ? ": it is deferred until it is resumed" : "")
                    + (rule.startsWith("decision-after") ? ": the self-criticism (or its documented refusal) and the hearing are recorded first" : "")
                    + "; allowed from " + action.from);
        }
        return action.to == null ? status : action.to;
    }
}
