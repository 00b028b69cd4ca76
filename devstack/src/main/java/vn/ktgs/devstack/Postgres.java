package vn.ktgs.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A real PostgreSQL server: the embedded binaries from Maven Central, or an external server when
 * {@code KTGS_POSTGRES_URL} (a JDBC URL to its maintenance database) is given. One server, one
 * database per service.
 */
public final class Postgres implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts an embedded server. With a data directory the data survives restarts and crashes: a commit
     * is acknowledged only once its WAL is flushed to disk. The embedded builder starts every server with
     * {@code -F} (fsync off) and {@code synchronous_commit=off}; the later {@code -c} settings override
     * them. Without a data directory (tests) the cluster is throwaway and tuned for speed instead.
     */
    public static Postgres startEmbedded(Path dataDir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        } else {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        EmbeddedPostgres pg = builder.start();
        return new Postgres(pg, "127.0.0.1", pg.getPort(), "postgres", "postgres");
    }

    /** Uses a server that runs elsewhere, e.g. {@code jdbc:postgresql://db:5432/postgres}. */
    public static Postgres external(String maintenanceJdbcUrl, String user, String password) {
        java.net.URI uri = java.net.URI.create(maintenanceJdbcUrl.substring("jdbc:".length()));
        return new Postgres(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates the database unless it exists already. */
    public void ensureDatabase(String name) throws SQLException {
        checkName(name);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        }
    }

    /**
     * A real outage of one database, for fault tests: the server refuses new connections to it and ends
     * the open ones, until {@link #allowConnections} (clients see the same errors as when it is down).
     */
    public void refuseConnections(String database) throws SQLException {
        checkName(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password); var s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        }
    }

    public void allowConnections(String database) throws SQLException {
        checkName(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password); var s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
        }
    }

    private static void checkName(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + name);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
