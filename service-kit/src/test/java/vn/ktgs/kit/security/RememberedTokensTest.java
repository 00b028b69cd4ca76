package vn.ktgs.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import vn.ktgs.devstack.JwtMinter;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A token that passed is not checked again until it expires; nothing else gets through on its account. */
class RememberedTokensTest {
    private static final KeyPair KEYS = JwtMinter.newKeyPair();
    private static final JwtMinter MINTER = new JwtMinter(KEYS.getPrivate(), JwtMinter.LOCAL_ISSUER);

    private Instant now = Instant.now();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Ho_Chi_Minh");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final RememberedTokens tokens = new RememberedTokens(new DefaultJWTParser(settings()), clock);

    @Test
    void aTokenThatPassedIsRememberedUntilItExpires() throws Exception {
        String token = MINTER.mint("officer-1", "org-1", List.of("officer"), 300);
        JsonWebToken first = tokens.parse(token);
        assertEquals("officer-1", first.getName());
        assertEquals(Set.of("officer"), first.getGroups());
        assertSame(first, tokens.parse(token), "not verified again");

        now = Instant.ofEpochSecond(first.getExpirationTime()); // by the service's clock, it has expired
        assertNotSame(first, tokens.parse(token), "checked in full again");
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsCheckedInFullAndRefused() throws Exception {
        String token = MINTER.mint("officer-1", "org-1", List.of("officer"), 300);
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String admin = MINTER.mint("officer-1", "org-1", List.of("admin"), 300).split("\\.")[1];
        assertThrows(ParseException.class, () -> tokens.parse(parts[0] + "." + admin + "." + parts[2]));
        String otherKey = new JwtMinter(JwtMinter.newKeyPair().getPrivate(), JwtMinter.LOCAL_ISSUER)
                .mint("officer-1", "org-1", List.of("officer"), 300);
        assertThrows(ParseException.class, () -> tokens.parse(otherKey));
    }

    @Test
    void aTokenThatFailedIsNotRemembered() {
        String expired = MINTER.mint("officer-1", "org-1", List.of("officer"), -3600);
        assertThrows(ParseException.class, () -> tokens.parse(expired));
        now = now.minusSeconds(7200); // even a clock that would call it valid does not make it pass
        assertThrows(ParseException.class, () -> tokens.parse(expired));
    }

    private static JWTAuthContextInfo settings() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(KEYS.getPublic(), JwtMinter.LOCAL_ISSUER);
        info.setExpectedAudience(Set.of(JwtMinter.AUDIENCE));
        return info;
    }
}
