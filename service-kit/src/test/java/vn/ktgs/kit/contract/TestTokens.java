package vn.ktgs.kit.contract;

import vn.ktgs.devstack.Devstack;

import java.util.List;
import java.util.UUID;

/** Bearer headers for test callers, signed with the key the service under test trusts. */
public final class TestTokens {
    public static final UUID ROOT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private TestTokens() {
    }

    /** A token for the login name {@code subject}, for checks that name the caller (a handling team). */
    public static String bearerAs(String subject, UUID org, String... roles) {
        return "Bearer " + Devstack.shared().tokens().mint(subject, org.toString(), List.of(roles), 600);
    }

    public static String bearer(UUID org, String... roles) {
        return "Bearer " + Devstack.shared().tokens().mint("user-" + String.join("-", roles) + "@" + org, org.toString(),
                List.of(roles), 600);
    }
}
