package vn.ktgs.gateway;

import org.eclipse.microprofile.config.ConfigProvider;
import vn.ktgs.devstack.JwtMinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Tokens signed with the key the gateway under test trusts, and the echo server's counters. */
final class Fixtures {
    private Fixtures() {
    }

    static JwtMinter minter() {
        try {
            return new JwtMinter(JwtMinter.readPrivateKey(GatewayTestResource.KEYS.resolve("private.pem")), JwtMinter.LOCAL_ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bearer() {
        return "Bearer " + minter().mint("officer-1", "org-1", List.of("officer"), 300);
    }

    static EchoServer.Stats stats() throws IOException, InterruptedException {
        return EchoServer.Stats.of(ConfigProvider.getConfig().getValue("ktgs.gateway.routes.planning.url", String.class));
    }
}
