package vn.ktgs.kit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Refuses a token issued, or valid only from, a time in the future beyond a small allowance for clock
 * skew: such a token was minted by a wrong clock or forged to outlive its key. The expiry itself is
 * checked by smallrye-jwt.
 */
public class TokenTimes {
    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Duration skew;

    TokenTimes(JsonWebToken token, SecurityIdentity identity, Clock clock,
               @ConfigProperty(name = "ktgs.kit.token-clock-skew", defaultValue = "30s") Duration skew) {
        this.token = token;
        this.identity = identity;
        this.clock = clock;
        this.skew = skew;
    }

    @ServerRequestFilter
    void check(ContainerRequestContext request) {
        if (identity.isAnonymous() || token.getRawToken() == null) {
            return;
        }
        long latest = clock.instant().plus(skew).getEpochSecond();
        for (Claims claim : List.of(Claims.iat, Claims.nbf)) {
            Object value = token.getClaim(claim.name());
            if (value instanceof Number n && n.longValue() > latest) {
                throw new AuthenticationFailedException("the bearer token was issued in the future");
            }
        }
    }
}
