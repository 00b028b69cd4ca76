package vn.ktgs.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer-token check of every request (smallrye-jwt's own), which remembers the tokens that passed until they
 * expire. A caller sends one token for many requests, and checking its RSA signature again each time was about a
 * third of a service's CPU on a read. Only the exact token string that passed is remembered; anything else, however
 * alike, is checked in full. The other checks of a request (roles, scope, {@link TokenTimes}) still run every time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberedTokens implements JWTParser {
    // Enough for the callers of a busy hour; when full it is emptied, which costs each caller one full check.
    static final int REMEMBERED = 2_000;

    private final JWTParser verifier;
    private final Clock clock;
    private final Map<String, JsonWebToken> passed = new ConcurrentHashMap<>();

    RememberedTokens(DefaultJWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = passed.get(token);
        if (known != null && clock.instant().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken verified = verifier.parse(token);
        if (passed.size() >= REMEMBERED) {
            passed.clear();
        }
        passed.put(token, verified);
        return verified;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context); // other settings than the service's: not remembered
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
