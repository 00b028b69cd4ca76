package vn.ktgs.gateway;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Singleton;

/**
 * Verifies the caller's bearer token (signature, issuer, audience, expiry) with the {@code mp.jwt.verify.*}
 * settings, before anything is forwarded. The services verify it again.
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

    private final JWTParser parser;

    TokenCheck(JWTParser parser) {
        this.parser = parser;
    }

    /** May block: with a JWKS location the parser fetches keys over the network. */
    void verify(String authorization) throws Rejected {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || authorization.substring(SCHEME.length()).isBlank()) {
            throw new Rejected("A bearer token is required.", false);
        }
        try {
            parser.parse(authorization.substring(SCHEME.length()).trim());
        } catch (ParseException e) {
            // Not logged: the causes quote the token's claims.
            throw new Rejected("The bearer token is not valid: bad signature, wrong issuer or audience, or expired.", true);
        }
    }
}
