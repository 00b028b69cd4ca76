package vn.ktgs.planning.member;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.planning.org.OrgUnit;

import java.util.UUID;

/**
 * Who may see what of a member, in one place. As with org units, a member is visible to callers whose unit
 * is the member's unit or one above it (otherwise 404, the same as unknown); the roles that change members
 * ({@code admin}, and {@code integration} for imports) are checked on the endpoints. Only an admin, whose
 * unit is thereby at or above the member's, sees the citizen ID in full.
 */
@ApplicationScoped
public class MemberAuthority {
    private final Caller caller;

    MemberAuthority(Caller caller) {
        this.caller = caller;
    }

    public Member requireVisible(OrgUnit actorUnit, UUID id, Member m) {
        if (m == null || !actorUnit.contains(OrgUnit.findById(m.unitId))) {
            throw ProblemException.notFound("member " + id);
        }
        return m;
    }

    /** For a member already found visible. */
    boolean seesCitizenId() {
        return caller.hasRole(Roles.ADMIN);
    }

    static MemberRules.Unit unitOf(OrgUnit u) {
        return u == null ? null : new MemberRules.Unit(u.id, u.path, u.hasUbkt, u.hasBtv);
    }
}
