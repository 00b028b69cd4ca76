package vn.ktgs.inspection.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.inspection.inspection.InspectionWorkflow.Actor;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.security.Caller;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who may see and do what with an inspection, in one place. An inspection is visible when its deciding unit lies in
 * the caller's subtree (otherwise 404, the same as unknown). The team of the deciding unit (the rule set's team
 * roles) records the steps; only the deciding body itself (the roles the rule set gives that body) decides,
 * concludes and issues notices (DOMAIN §5: the team only drafts).
 */
@ApplicationScoped
public class InspectionAuthority {
    static final String TEAM_ROLES = "inspection.team-roles";
    static final String DECIDING_ROLES = "inspection.deciding-roles";

    private final Caller caller;

    InspectionAuthority(Caller caller) {
        this.caller = caller;
    }

    /** 404 unless the inspection exists and its deciding unit lies in the actor's subtree. */
    public Inspection requireVisible(OrgUnitCopy actorUnit, UUID id, Inspection i) {
        if (i == null || !mayRead(actorUnit, i)) {
            throw ProblemException.notFound("inspection " + id);
        }
        return i;
    }

    public boolean mayRead(OrgUnitCopy actorUnit, Inspection i) {
        return actorUnit.contains(OrgUnitCopy.findById(i.decidingUnitId));
    }

    /** 403 unless the caller acts for the deciding unit in the role {@code actor} needs. */
    public void requireAllowed(Inspection i, OrgUnitCopy actorUnit, Actor actor, RuleSet rules) {
        List<String> roles = roles(i.decidingBody, actor, rules);
        if (!actorUnit.id.equals(i.decidingUnitId) || roles.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden(actor == Actor.TEAM
                    ? "only the team of the deciding unit (roles " + roles + ") records this step"
                    : "only the deciding body (" + i.decidingBody + " of the deciding unit, roles " + roles + ") takes this step");
        }
    }

    /** The unit a new inspection is decided by: the caller's own; a unit below decides its own (403), an unknown one is 422. */
    public OrgUnitCopy decidingUnitOfNew(OrgUnitCopy actorUnit, UUID decidingUnitId, String field) {
        if (decidingUnitId == null || decidingUnitId.equals(actorUnit.id)) {
            return actorUnit;
        }
        OrgUnitCopy unit = OrgUnitCopy.findById(decidingUnitId);
        if (unit == null || !actorUnit.contains(unit)) {
            throw ProblemException.ruleViolated(field, "unit-exists", "org unit " + decidingUnitId + " does not exist in the caller's scope");
        }
        throw ProblemException.forbidden("a unit's inspections and supervisions are recorded by its own officers");
    }

    /** 403 unless the caller may record a new inspection at its unit: one of the team roles. */
    public void requireTeam(RuleSet rules) {
        List<String> roles = rules.strings(TEAM_ROLES);
        if (roles.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("only the roles " + roles + " record inspections and supervisions");
        }
    }

    static List<String> roles(InspectionCodes.DecidingBody body, Actor actor, RuleSet rules) {
        if (actor == Actor.TEAM) {
            return rules.strings(TEAM_ROLES);
        }
        List<String> out = new ArrayList<>();
        rules.value(DECIDING_ROLES).path(body.name()).forEach(r -> out.add(r.asText()));
        return out;
    }
}
