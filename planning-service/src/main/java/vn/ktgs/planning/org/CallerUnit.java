package vn.ktgs.planning.org;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;

import java.util.UUID;

/** The caller's own org unit, from the token's {@code org} claim: what it may see and act on starts there. */
@ApplicationScoped
public class CallerUnit {
    private final Caller caller;

    CallerUnit(Caller caller) {
        this.caller = caller;
    }

    public OrgUnit get() {
        UUID org = caller.org();
        OrgUnit u = OrgUnit.findById(org);
        if (u == null) {
            throw ProblemException.forbidden("the caller's org unit " + org + " is not in the directory");
        }
        return u;
    }
}
