package vn.ktgs.gateway;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the caller's bearer token (signature, issuer, audience, expiry, and issue and start times not in the
 * future beyond {@code ktgs.gateway.clock-skew}) with the {@code mp.jwt.verify.*} settings, before anything is
 * forwarded. The services verify it again.
 */
@Singleton
public class TokenCheck {

    /** Why a request was refused; the message is safe to show the caller. */
    static final class Rejected extends Exception {
        private final boolean tokenPresent;

        Rejected(String detail, boolean tokenPresent) {
            super(detail, null, false, false);
            this.tokenPresent = tokenPresent;
        }

        /** The {@code WWW-Authenticate} challenge of RFC 6750: an error code only when a token was sent. */
        String challenge() {
            return tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer";
        }
    }

    private static final String SCHEME = "Bearer ";
    // Enough for every caller of a busy hour; when full it is emptied, which is simple and costs one check per caller.
    private static final int REMEMBERED = 10_000;

    private final JWTParser parser;
    private final Clock clock;
    private final long skewSeconds;
    private final boolean keysFetched;
    // Tokens that passed, with their expiry (epoch seconds). A caller sends one token for many requests, and
    // checking its signature and claims is about a third of the gateway's work per request. Tokens that fail
    // are not remembered.
    private final Map<String, Long> passed = new ConcurrentHashMap<>();

    TokenCheck(JWTParser parser, JWTAuthContextInfo keys, GatewayConfig config, Clock clock) {
        this.parser = parser;
        this.clock = clock;
        this.skewSeconds = config.clockSkew().toSeconds();
        String location = keys.getPublicKeyLocation();
        this.keysFetched = location != null && (location.startsWith("https:") || location.startsWith("http:"));
    }

    /**
     * A token that passed before and has not expired passes at once. Otherwise, with a key from a PEM file or inline,
     * checking is CPU work only and runs on the caller's event loop (the file is read once, on first use); keys from
     * a JWKS URL are fetched and refreshed now and then, blocking the thread that asks, so then it runs on a worker.
     */
    Future<Void> verify(Vertx vertx, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || authorization.substring(SCHEME.length()).isBlank()) {
            return Future.failedFuture(new Rejected("A bearer token is required.", false));
        }
        String token = authorization.substring(SCHEME.length()).trim();
        Long expiry = passed.get(token);
        if (expiry != null && clock.instant().getEpochSecond() < expiry) {
            return Future.succeededFuture();
        }
        if (keysFetched) {
            return vertx.executeBlocking(() -> {
                check(token);
                return null;
            }, false);
        }
        try {
            check(token);
            return Future.succeededFuture();
        } catch (Rejected e) {
            return Future.failedFuture(e);
        }
    }

    /** The answer to a request whose token did not pass: 401 with the challenge, or the failure as it is. */
    static void refuse(RoutingContext ctx, Throwable cause) {
        if (cause instanceof Rejected rejected) {
            ctx.response().putHeader("WWW-Authenticate", rejected.challenge());
            Problem.UNAUTHORIZED.send(ctx, rejected.getMessage());
        } else {
            ctx.fail(cause);
        }
    }

    private void check(String token) throws Rejected {
        JsonWebToken verified;
        try {
            verified = parser.parse(token);
        } catch (ParseException e) {
            // Not logged: the causes quote the token's claims.
            throw new Rejected("The bearer token is not valid: bad signature, wrong issuer or audience, or expired.", true);
        }
        // smallrye-jwt accepts any iat, and nbf within its own allowance for expiry.
        long latest = clock.instant().getEpochSecond() + skewSeconds;
        long notBefore = verified.<Long>getClaim(Claims.nbf);
        if (verified.getIssuedAtTime() > latest || notBefore > latest) {
            throw new Rejected("The bearer token is not valid yet: it was issued for a later time.", true);
        }
        if (passed.size() >= REMEMBERED) {
            passed.clear();
        }
        passed.put(token, verified.getExpirationTime());
    }
}
