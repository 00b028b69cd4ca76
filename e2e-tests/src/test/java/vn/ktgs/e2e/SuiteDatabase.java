package vn.ktgs.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The suite's PostgreSQL server as its operator sees it: SQL, and a crash (immediate stop) followed by a restart. */
final class SuiteDatabase {
    private final Suite suite;
    private final Path dataDir;

    SuiteDatabase(Suite suite) {
        this.suite = suite;
        this.dataDir = Path.of(suite.env.get("KTGS_HOME"), "data", "postgres");
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + suite.env.get("KTGS_PG_PORT") + "/" + database,
                "postgres", "postgres");
    }

    String show(String setting) throws SQLException {
        try (Connection c = connect("postgres"); var s = c.createStatement(); var rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Stops the server the way a crash does ({@code SIGQUIT}: immediate shutdown, no checkpoint, every
     * backend killed), waits {@code down}, and starts it again with the command line it last ran with.
     */
    void crashAndRestart(Duration down) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        List<String> command = commandLine(Files.readString(dataDir.resolve("postmaster.opts")));
        Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -QUIT " + pid + " failed");
        }
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        Thread.sleep(down.toMillis());
        // as devstack starts it: through pg_ctl, with the options the server last ran with
        Path pgCtl = Path.of(command.get(0)).resolveSibling("pg_ctl");
        List<String> options = command.subList(1, command.size()).stream()
                .filter(a -> !a.equals("-D") && !a.equals(dataDir.toString())).toList();
        List<String> pgCtlStart = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            pgCtlStart.addAll(List.of("unshare", "-U")); // PostgreSQL refuses root; devstack's embedded server does the same
        }
        pgCtlStart.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-o", String.join(" ", options),
                "-l", Path.of(suite.env.get("KTGS_HOME"), "logs", "postgres-restarted.log").toString(), "-w", "start"));
        Process start = new ProcessBuilder(pgCtlStart).redirectErrorStream(true).start();
        String out = new String(start.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (start.waitFor() != 0) {
            throw new IllegalStateException("pg_ctl start failed: " + out);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException starting) {
                if (System.nanoTime() > deadline) {
                    throw starting;
                }
                Thread.sleep(200);
            }
        }
    }

    /** postmaster.opts holds the server's command line, each argument after the program in double quotes. */
    private static List<String> commandLine(String opts) throws IOException {
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts.strip());
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (args.isEmpty()) {
            throw new IOException("empty postmaster.opts");
        }
        return args;
    }
}
