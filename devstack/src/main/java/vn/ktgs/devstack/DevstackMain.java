package vn.ktgs.devstack;

import org.slf4j.LoggerFactory;
import vn.ktgs.events.Topics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The command line that {@code ./suite} uses:
 * <pre>
 *   run   --home DIR --databases a,b [--pg-port N] [--kafka-port N] [--kafka-controller-port N]
 *   keys  --home DIR
 *   users --users FILE
 *   token --home DIR --users FILE NAME [--ttl SECONDS]
 * </pre>
 * {@code run} keeps PostgreSQL's and Kafka's data under DIR, so it survives a restart, and blocks
 * until the process is told to stop. {@code users} and {@code token} print their answer on stdout:
 * that is what ./suite reads.
 */
public final class DevstackMain {
    private DevstackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        switch (args[0]) {
            case "run" -> run(opts);
            case "keys" -> JwtMinter.ensureKeyFiles(Path.of(require(opts, "home")).resolve("keys"));
            case "users" -> DemoUsers.read(Path.of(require(opts, "users")))
                    .forEach(u -> System.out.printf("%-22s %-28s %s%n", u.name(), String.join(",", u.roles()), u.description()));
            case "token" -> token(opts, rest);
            default -> usage();
        }
    }

    private static void run(Map<String, String> opts) throws Exception {
        Path home = Path.of(require(opts, "home")).toAbsolutePath();
        int pgPort = Integer.parseInt(opts.getOrDefault("pg-port", "5433"));
        int kafkaPort = Integer.parseInt(opts.getOrDefault("kafka-port", "9092"));
        int controllerPort = Integer.parseInt(opts.getOrDefault("kafka-controller-port", "9093"));
        Files.createDirectories(home);
        Postgres pg = Postgres.startEmbedded(home.resolve("postgres"), pgPort);
        for (String db : require(opts, "databases").split(",")) {
            pg.ensureDatabase(db.trim());
        }
        KafkaBroker kafka = new KafkaBroker(home.resolve("kafka"), kafkaPort, controllerPort);
        kafka.start();
        kafka.createTopics(Topics.CLEANUP_POLICIES);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            try {
                pg.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
            stopped.countDown();
        }, "devstack-stop"));
        // a devstack shared by a whole build ends with the build (see BuildDevstack)
        String owner = opts.get("owner-pid");
        if (owner != null) {
            ProcessHandle.of(Long.parseLong(owner)).ifPresentOrElse(
                    h -> h.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
        Files.writeString(home.resolve("devstack.ready"),
                "postgres=" + pg.jdbcUrl("") + "\nkafka=" + kafka.bootstrapServers() + "\n", StandardCharsets.UTF_8);
        LoggerFactory.getLogger(DevstackMain.class).info("devstack ready: PostgreSQL {}, Kafka {}", pg.jdbcUrl("<db>"),
                kafka.bootstrapServers());
        stopped.await();
    }

    private static void token(Map<String, String> opts, List<String> rest) throws Exception {
        if (rest.isEmpty()) {
            usage();
        }
        DemoUsers.User user = DemoUsers.read(Path.of(require(opts, "users"))).stream()
                .filter(u -> u.name().equals(rest.get(0)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user named " + rest.get(0) + " (see ./suite token)"));
        JwtMinter minter = new JwtMinter(
                JwtMinter.readPrivateKey(Path.of(require(opts, "home")).resolve("keys/private.pem")), JwtMinter.LOCAL_ISSUER);
        System.out.println(minter.mint(user.name(), user.org(), user.roles(), Long.parseLong(opts.getOrDefault("ttl", "28800"))));
    }

    private static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            System.err.println("missing --" + name);
            usage();
        }
        return v;
    }

    private static void usage() {
        System.err.println("usage: devstack run|keys|users|token ... (see DevstackMain's javadoc)");
        System.exit(2);
    }

    /** The demo users of {@code deploy/local/demo-users.tsv}: name, org unit id, roles, description. */
    static final class DemoUsers {
        private DemoUsers() {
        }

        record User(String name, String org, List<String> roles, String description) {
        }

        static List<User> read(Path file) throws java.io.IOException {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> new User(f[0], f[1], Arrays.asList(f[2].split(",")), f.length > 3 ? f[3] : ""))
                    .toList();
        }
    }
}
