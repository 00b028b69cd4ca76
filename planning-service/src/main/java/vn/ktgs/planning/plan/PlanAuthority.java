package vn.ktgs.planning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.planning.org.OrgUnit;
import vn.ktgs.planning.plan.PlanWorkflow.Action;

import java.util.UUID;

/**
 * Who may see and do what with a plan, in one place. {@code actorUnit} is the caller's own unit: a plan
 * is visible when its owner lies in that unit's subtree (otherwise it is 404, the same as unknown); the
 * owning unit's officers draft, the committee of the owner or of a unit above decides.
 */
@ApplicationScoped
public class PlanAuthority {
    private final Caller caller;

    PlanAuthority(Caller caller) {
        this.caller = caller;
    }

    /** 404 unless the plan exists and its owner lies in the actor's subtree. */
    public Plan requireVisible(OrgUnit actorUnit, UUID id, Plan p) {
        if (p == null || !actorUnit.contains(ownerOf(p))) {
            throw ProblemException.notFound("plan " + id);
        }
        return p;
    }

    /** 403 unless the caller may take {@code action} on a plan it can see. */
    public void requireAllowed(Plan p, OrgUnit actorUnit, Action action) {
        boolean allowed = switch (action.actor) {
            case OWNER_OFFICER -> caller.hasRole(Roles.OFFICER) && actorUnit.id.equals(p.ownerUnitId);
            case COMMITTEE_AT_OR_ABOVE -> caller.hasRole(Roles.COMMITTEE); // requireVisible put the caller at or above the owner
        };
        if (!allowed) {
            throw ProblemException.forbidden(action.actor == PlanWorkflow.Actor.OWNER_OFFICER
                    ? "only an officer of the owning unit may " + action.name().toLowerCase() + " this plan"
                    : "only a committee member of the owning unit or a unit above it may " + action.name().toLowerCase() + " this plan");
        }
    }

    /** The unit a new plan belongs to: the caller's own; a unit below drafts its plans itself (403), an unknown one is 422. */
    public OrgUnit ownerOfNewPlan(OrgUnit actorUnit, UUID ownerUnitId) {
        if (ownerUnitId == null || ownerUnitId.equals(actorUnit.id)) {
            return actorUnit;
        }
        OrgUnit owner = OrgUnit.findById(ownerUnitId);
        if (owner == null || !actorUnit.contains(owner)) {
            throw ProblemException.ruleViolated("ownerUnitId", "owner-exists", "org unit " + ownerUnitId + " does not exist in the caller's scope");
        }
        throw ProblemException.forbidden("a unit's plans are drafted by its own officers");
    }

    static OrgUnit ownerOf(Plan p) {
        return OrgUnit.findById(p.ownerUnitId);
    }
}
