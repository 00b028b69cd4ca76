package vn.ktgs.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Drives {@code ./suite} exactly as a person would, on free ports and a home of its own under target/. */
final class Suite {
    final Path root = Path.of("..").toAbsolutePath().normalize();
    final Map<String, String> env = new HashMap<>();
    final int gatewayPort;
    private final Set<Integer> handedOut = new HashSet<>();

    Suite() throws IOException {
        gatewayPort = freePort();
        env.put("KTGS_HOME", Path.of("target/suite-home").toAbsolutePath().toString());
        env.put("KTGS_SKIP_BUILD", "1"); // the reactor built every module before this one
        env.put("KTGS_GATEWAY_PORT", String.valueOf(gatewayPort));
        for (String name : new String[] {"PLANNING", "INSPECTION", "DISCIPLINE", "COMPLAINTS", "PG", "KAFKA", "KAFKA_CONTROLLER"}) {
            env.put("KTGS_" + name + "_PORT", String.valueOf(freePort()));
        }
        for (String name : new String[] {"PLANNING", "INSPECTION", "DISCIPLINE", "COMPLAINTS", "GATEWAY"}) {
            env.put("KTGS_" + name + "_MANAGEMENT_PORT", String.valueOf(freePort()));
        }
    }

    record Result(int exit, String output) {
    }

    Result run(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("suite").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("./suite " + String.join(" ", args) + " did not finish:\n" + out);
        }
        return new Result(p.exitValue(), out);
    }

    String token(String user) throws IOException, InterruptedException {
        Result r = run("token", user);
        if (r.exit() != 0) {
            throw new IllegalStateException("no token for " + user + ": " + r.output());
        }
        return r.output().strip();
    }

    void wipeHome() throws IOException {
        Path home = Path.of(env.get("KTGS_HOME"));
        if (java.nio.file.Files.exists(home)) {
            try (var files = java.nio.file.Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    String gateway() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** A port free now and not handed out before: the kernel may offer a port again once its socket is closed. */
    private int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (handedOut.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }
}
