package vn.ktgs.devstack;

import vn.ktgs.events.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One PostgreSQL server, one Kafka broker and one token key pair for the tests, started on first use.
 * Within a Maven build they are shared by every test JVM ({@link BuildDevstack}); otherwise (an IDE, or
 * {@code -Ddevstack.build-dir=} left unset) one per JVM, stopped when it exits. Their addresses are kept
 * in system properties, so that code loaded by another class loader in the same JVM (Quarkus tests use
 * several) finds the same servers.
 */
public final class Devstack {
    private static final String PG_PORT = "devstack.pg.port";
    private static final String KAFKA = "devstack.kafka";
    private static final String KEYS = "devstack.keys";

    private static Devstack shared;

    private final Postgres postgres;
    private final String bootstrapServers;
    private final Path keyDir;
    /** Only set in the class loader that started the broker; used by broker-outage tests. */
    private final KafkaBroker broker;

    private Devstack(Postgres postgres, String bootstrapServers, Path keyDir, KafkaBroker broker) {
        this.postgres = postgres;
        this.bootstrapServers = bootstrapServers;
        this.keyDir = keyDir;
        this.broker = broker;
    }

    public static synchronized Devstack shared() {
        if (shared == null) {
            if (System.getProperty(KAFKA) == null && externalPostgres() == null) {
                BuildDevstack.join(); // sets the addresses when a Maven build shares one devstack
            }
            shared = System.getProperty(KAFKA) != null ? attach() : start();
        }
        return shared;
    }

    private static Devstack attach() {
        Postgres pg = externalPostgres();
        if (pg == null) {
            pg = Postgres.external("jdbc:postgresql://127.0.0.1:" + System.getProperty(PG_PORT) + "/postgres",
                    "postgres", "postgres");
        }
        return new Devstack(pg, System.getProperty(KAFKA), Path.of(System.getProperty(KEYS)), null);
    }

    private static Devstack start() {
        try {
            Path work = Files.createTempDirectory("ktgs-devstack-");
            Postgres pg = externalPostgres();
            if (pg == null) {
                pg = Postgres.startEmbedded(null, 0);
            }
            KafkaBroker broker = new KafkaBroker(work.resolve("kafka"), 0, 0);
            broker.start();
            broker.createTopics(Topics.CLEANUP_POLICIES);
            JwtMinter.ensureKeyFiles(work.resolve("keys"));
            Postgres started = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.stop();
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp cluster goes with it
                }
                deleteTree(work);
            }, "devstack-shutdown"));
            System.setProperty(PG_PORT, String.valueOf(pg.port()));
            System.setProperty(KAFKA, broker.bootstrapServers());
            System.setProperty(KEYS, work.resolve("keys").toString());
            return new Devstack(pg, broker.bootstrapServers(), work.resolve("keys"), broker);
        } catch (Exception e) {
            throw new IllegalStateException("devstack could not start PostgreSQL and Kafka", e);
        }
    }

    /** {@code KTGS_POSTGRES_URL} points tests at an existing server instead of the embedded one. */
    private static Postgres externalPostgres() {
        String url = System.getenv("KTGS_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return Postgres.external(url, env("KTGS_POSTGRES_USER", "postgres"), env("KTGS_POSTGRES_PASSWORD", "postgres"));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The JDBC URL of a database of the shared server, created on first use. */
    public String database(String name) {
        try {
            postgres.ensureDatabase(name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return postgres.jdbcUrl(name);
    }

    public Postgres postgres() {
        return postgres;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path publicKeyPem() {
        return keyDir.resolve("public.pem");
    }

    /** Mints tokens signed with the key that the services under test trust. */
    public JwtMinter tokens() {
        try {
            return new JwtMinter(JwtMinter.readPrivateKey(keyDir.resolve("private.pem")), JwtMinter.LOCAL_ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker itself, for tests that stop and restart it; only in the class loader that started it. */
    public KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the broker was started by another class loader");
        }
        return broker;
    }

    static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort on exit
        }
    }
}
