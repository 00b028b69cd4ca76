package vn.ktgs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * One PostgreSQL and one Kafka for a whole Maven build: the first test JVM that needs them starts
 * {@code DevstackMain run} as a process of its own under {@code devstack.build-dir}, owned by the Maven
 * process, and every later test JVM of the same build attaches to it. The process ends when Maven does.
 * Each module's tests use databases of their own names; topics are shared, as in a real cluster.
 * {@code -Ddevstack.build-dir=none} keeps a JVM's own devstack (tests that stop the broker need it).
 */
final class BuildDevstack {
    static final String DIR = "devstack.build-dir";

    private BuildDevstack() {
    }

    /** Sets the addresses of the build's devstack as system properties; false when there is no build to share. */
    static boolean join() {
        String dir = System.getProperty(DIR);
        Optional<ProcessHandle> maven = mavenProcess();
        if (dir == null || dir.isBlank() || dir.equals("none") || maven.isEmpty()) {
            return false;
        }
        Path home = Path.of(dir).toAbsolutePath();
        try {
            Files.createDirectories(home.getParent());
            try (FileChannel lock = FileChannel.open(home.getParent().resolve(home.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); var held = lock.lock()) {
                Properties state = read(home.resolve("devstack.owner"));
                boolean ours = String.valueOf(maven.get().pid()).equals(state.getProperty("maven"))
                        && ProcessHandle.of(Long.parseLong(state.getProperty("pid", "-1"))).map(ProcessHandle::isAlive).orElse(false)
                        && Files.exists(home.resolve("devstack.ready"));
                if (!ours) {
                    start(home, maven.get().pid());
                }
                Properties ready = read(home.resolve("devstack.ready"));
                URI pg = URI.create(ready.getProperty("postgres").substring("jdbc:".length()));
                System.setProperty("devstack.pg.port", String.valueOf(pg.getPort()));
                System.setProperty("devstack.kafka", ready.getProperty("kafka"));
                System.setProperty("devstack.keys", home.resolve("keys").toString());
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not share the build's devstack in " + home, e);
        }
    }

    private static void start(Path home, long mavenPid) throws IOException {
        Devstack.deleteTree(home);
        Files.createDirectories(home);
        JwtMinter.ensureKeyFiles(home.resolve("keys"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", classPath(), DevstackMain.class.getName(), "run",
                "--home", home.toString(), "--databases", "postgres", "--owner-pid", String.valueOf(mavenPid),
                "--pg-port", String.valueOf(FreePorts.next()), "--kafka-port", String.valueOf(FreePorts.next()),
                "--kafka-controller-port", String.valueOf(FreePorts.next()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("devstack.log").toFile()).start();
        Files.writeString(home.resolve("devstack.owner"), "maven=" + mavenPid + "\npid=" + p.pid() + "\n", StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(home.resolve("devstack.ready"))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("the build's devstack did not start; see " + home.resolve("devstack.log"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The Maven process that runs this test JVM: the nearest ancestor running Maven (or its wrapper). */
    private static Optional<ProcessHandle> mavenProcess() {
        for (Optional<ProcessHandle> p = ProcessHandle.current().parent(); p.isPresent(); p = p.get().parent()) {
            String line = p.get().info().commandLine().orElse("");
            if (line.contains("org.codehaus.plexus.classworlds.launcher.Launcher") || line.contains("MavenWrapperMain")) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** This JVM's class path with surefire's manifest-only jar opened up: the jar is deleted when the fork ends. */
    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.endsWith(".jar") && Path.of(e).getFileName().toString().startsWith("surefirebooter")) {
                try (JarFile jar = new JarFile(e)) {
                    for (String url : jar.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                    }
                }
            } else {
                entries.add(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return p;
    }
}
