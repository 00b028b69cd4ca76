package vn.ktgs.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.ktgs.kit.problem.ProblemException;

import java.util.UUID;

/** Who is calling: the token's subject, roles and org unit ({@code org} claim). */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller's org unit; a token without a valid {@code org} claim may act nowhere. */
    public UUID org() {
        Object claim = token.getClaim("org");
        if (claim == null) {
            throw ProblemException.forbidden("the token has no org claim, so the caller may see no org unit");
        }
        try {
            return UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("the token's org claim is not an org unit id");
        }
    }

    /** The caller's org unit when known; for audit records, which must not fail. */
    public UUID orgOrNull() {
        try {
            return identity.isAnonymous() ? null : org();
        } catch (ProblemException e) {
            return null;
        }
    }
}
