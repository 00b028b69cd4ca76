package vn.ktgs.kit.orgcopy;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.web.Params;

import java.util.UUID;

/**
 * The caller's own org unit as this service knows it from the directory's events: what the caller may see
 * and act on starts there. A unit this service has not learnt of yet can act on nothing (403).
 */
@ApplicationScoped
public class CallerUnitCopy {
    private final Caller caller;

    CallerUnitCopy(Caller caller) {
        this.caller = caller;
    }

    public OrgUnitCopy get() {
        UUID org = caller.org();
        OrgUnitCopy u = OrgUnitCopy.findById(org);
        if (u == null) {
            throw ProblemException.forbidden("the caller's org unit " + org + " is not (yet) known to this service");
        }
        return u;
    }

    /** The unit a report or list is about: {@code org} (an id, default the caller's own), 404 unless within the caller's subtree. */
    public OrgUnitCopy within(String org) {
        OrgUnitCopy actor = get();
        UUID id = Params.uuid(org, "org");
        if (id == null || id.equals(actor.id)) {
            return actor;
        }
        OrgUnitCopy unit = OrgUnitCopy.findById(id);
        if (!actor.contains(unit)) {
            throw ProblemException.notFound("org unit " + id);
        }
        return unit;
    }
}
