package vn.ktgs.discipline.cases;

import vn.ktgs.kit.discipline.FormAuthority;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.discipline.cases.DisciplineWorkflow.Actor;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.security.Caller;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who may see and act on a case, in one place. A case is visible when its deciding unit lies in the caller's subtree
 * (otherwise 404, the same as unknown). The officers of the deciding unit (the rule set's record roles) open cases and
 * record the steps; only the deciding body (the roles the rule set gives it) defers, votes, decides and announces.
 * Which forms that body may decide is {@link FormAuthority}'s.
 */
@ApplicationScoped
public class DisciplineAuthority {
    static final String RECORD_ROLES = "discipline.record-roles";
    static final String DECIDING_ROLES = "discipline.deciding-roles";

    private final Caller caller;

    DisciplineAuthority(Caller caller) {
        this.caller = caller;
    }

    /** 404 unless the case exists and its deciding unit lies in the actor's subtree. */
    public DisciplineCase requireVisible(OrgUnitCopy actorUnit, UUID id, DisciplineCase c) {
        if (c == null || !actorUnit.contains(OrgUnitCopy.findById(c.decidingUnitId))) {
            throw ProblemException.notFound("discipline case " + id);
        }
        return c;
    }

    /** 403 unless the caller acts for the deciding unit in the role {@code actor} needs. */
    public void requireAllowed(DisciplineCase c, OrgUnitCopy actorUnit, Actor actor, RuleSet rules) {
        List<String> roles = roles(c.decidingBody, actor, rules);
        if (!actorUnit.id.equals(c.decidingUnitId) || roles.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden(actor == Actor.RECORDER
                    ? "only the officers of the deciding unit (roles " + roles + ") record this step"
                    : "only the deciding body (" + c.decidingBody + " of the deciding unit, roles " + roles + ") takes this step");
        }
    }

    /** 403 unless the caller may open a case at its own unit: one of the record roles. */
    public void requireRecorder(RuleSet rules) {
        List<String> roles = rules.strings(RECORD_ROLES);
        if (roles.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("only the roles " + roles + " open discipline cases");
        }
    }

    static List<String> roles(Body body, Actor actor, RuleSet rules) {
        if (actor == Actor.RECORDER) {
            return rules.strings(RECORD_ROLES);
        }
        List<String> out = new ArrayList<>();
        rules.value(DECIDING_ROLES).path(body.name()).forEach(r -> out.add(r.asText()));
        return out;
    }
}
