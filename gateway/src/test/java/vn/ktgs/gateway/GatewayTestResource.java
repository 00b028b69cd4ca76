package vn.ktgs.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.ktgs.devstack.JwtMinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * The gateway under test, without PostgreSQL or Kafka: a key pair of its own, an {@link EchoServer} behind the
 * planning, discipline and complaints routes, and the inspection route pointing at a closed port.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {
    static final Path KEYS = Path.of("target", "test-keys");

    private EchoServer echo;

    @Override
    public Map<String, String> start() {
        try {
            JwtMinter.ensureKeyFiles(KEYS);
            echo = new EchoServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String closed = "http://127.0.0.1:" + closedPort();
        return Map.ofEntries(
                Map.entry("mp.jwt.verify.publickey.location", KEYS.resolve("public.pem").toAbsolutePath().toUri().toString()),
                Map.entry("mp.jwt.verify.issuer", JwtMinter.LOCAL_ISSUER),
                Map.entry("mp.jwt.verify.audiences", JwtMinter.AUDIENCE),
                Map.entry("ktgs.gateway.routes.planning.url", echo.url()),
                Map.entry("ktgs.gateway.routes.planning.health", echo.url() + "/q/health/ready"),
                Map.entry("ktgs.gateway.routes.discipline.url", echo.url()),
                Map.entry("ktgs.gateway.routes.discipline.health", echo.url() + "/q/health/ready"),
                Map.entry("ktgs.gateway.routes.complaints.url", echo.url()),
                Map.entry("ktgs.gateway.routes.complaints.health", echo.url() + "/q/health/ready"),
                Map.entry("ktgs.gateway.routes.inspection.url", closed),
                Map.entry("ktgs.gateway.routes.inspection.health", closed + "/q/health/ready"),
                Map.entry("ktgs.gateway.max-body-size", "3M"),
                Map.entry("ktgs.gateway.timeout", "2s"));
    }

    @Override
    public void stop() {
        echo.stop();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
