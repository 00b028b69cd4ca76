import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One row of the fault-injection table (bench/faults.sh runs every row): {@code count} org units are created
 * through the gateway by {@code writers} careful clients (each write retried with its Idempotency-Key until a
 * definitive answer: 2xx, or a 4xx other than 408/429); when 40 % of the writes have an answer the fault is
 * injected (by {@code bench/faults.sh inject SCENARIO}, or here for poison records); then the owner
 * (planning-service's org_unit) and the three copies (kit_org_unit_copy of inspection, discipline, complaints)
 * are polled until every acknowledged write is there exactly once, and the dead-letter topics are read.
 * The "load" scenario instead runs 50 clients doing create + read + list for a while.
 * <p>
 * Progress and evidence go to stderr; the last line on stdout is one tab-separated result row.
 * Args: scenario gatewayUrl tokenFile jdbcBase kafkaBootstrap count writers convergeTimeoutSeconds hookScript
 */
public class Faults {
    static final String[] PARENTS = {"10000000-0000-4000-8000-000000000011", "10000000-0000-4000-8000-000000000012"};
    static final String[] COPIES = {"inspection", "discipline", "complaints"};
    static final String[] GROUPS = {"inspection-service", "discipline-service", "complaints-service", "planning-service"};
    static final String ORG_TOPIC = "ktgs.org-units.v1";
    static final ObjectMapper JSON = new ObjectMapper();
    /** answers that made a careful client try again: status or exception -> how many */
    static final Map<String, AtomicInteger> RETRIED = new java.util.concurrent.ConcurrentSkipListMap<>();

    static String scenario, gateway, token, jdbc, kafka, hook;
    static int count, writers, convergeTimeout;
    static final long T0 = System.nanoTime();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One write's outcome. */
    static final class Write {
        final int index;
        final String code;
        final String key = UUID.randomUUID().toString();
        volatile int status;           // last status, 0 = no answer
        volatile String id;
        volatile int attempts;
        volatile long ackNanos;
        volatile boolean replayed;

        Write(int index, String code) {
            this.index = index;
            this.code = code;
        }

        boolean acked() {
            return status >= 200 && status < 300;
        }
    }

    public static void main(String[] args) throws Exception {
        scenario = args[0];
        gateway = args[1];
        token = Files.readString(Path.of(args[2])).trim();
        jdbc = args[3];
        kafka = args[4];
        count = Integer.parseInt(args[5]);
        writers = Integer.parseInt(args[6]);
        convergeTimeout = Integer.parseInt(args[7]);
        hook = args[8];
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        try {
            if (scenario.equals("load")) {
                load(Integer.parseInt(System.getProperty("clients", "50")), Integer.parseInt(System.getProperty("seconds", "180")));
            } else {
                faultRun();
            }
        } catch (Throwable e) {
            log("harness failed: %s", e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static double now() {
        return (System.nanoTime() - T0) / 1e9;
    }

    static void log(String fmt, Object... a) {
        System.err.printf("[%7.1f s] %s: %s%n", now(), scenario, String.format(fmt, a));
    }

    static String prefix() {
        return "F" + Long.toString(System.currentTimeMillis(), 36).toUpperCase() + "-" + scenario.toUpperCase() + "-";
    }

    // ---------------------------------------------------------------------------------------------------- faults

    static void faultRun() throws Exception {
        String prefix = prefix();
        Map<String, Map<TopicPartition, Long>> dlqStart = dlqEnds();
        hook("prepare");
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(new Write(i, prefix + String.format("%05d", i)));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        int trigger = (int) Math.round(count * 0.4);
        CountDownLatch triggered = new CountDownLatch(1);
        long[] fault = new long[2]; // start and end, nanos
        String[] faultError = {null};
        Thread faultThread = new Thread(() -> {
            try {
                triggered.await();
                fault[0] = System.nanoTime();
                log("injecting the fault after %d answered writes", answered.get());
                Path marks = Files.createTempFile("faults-marks", ".txt");
                if (scenario.equals("poison")) {
                    poison(prefix);
                } else {
                    hook("inject", marks);
                }
                fault[1] = System.nanoTime();
                for (String line : Files.readAllLines(marks)) {
                    String[] f = line.split(" ");
                    if (f[1].equals("fault-end")) { // the hook says when the fault ended (epoch ms)
                        fault[1] = System.nanoTime() - (System.currentTimeMillis() - Long.parseLong(f[0])) * 1_000_000L;
                    }
                }
                log("fault over (%.1f s after it began)", (fault[1] - fault[0]) / 1e9);
            } catch (Exception e) {
                faultError[0] = e.toString();
                fault[1] = System.nanoTime();
                log("FAULT INJECTION FAILED: %s", e);
            }
        }, "fault");
        faultThread.start();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            Thread th = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    carefulWrite(writes.get(i));
                    if (answered.incrementAndGet() == trigger) {
                        triggered.countDown();
                    }
                }
            }, "writer-" + t);
            th.start();
            threads.add(th);
        }
        Thread progress = new Thread(() -> {
            while (answered.get() < count) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    return;
                }
                log("%d of %d writes answered", answered.get(), count);
            }
        });
        progress.setDaemon(true);
        progress.start();
        for (Thread th : threads) {
            th.join();
        }
        long writesEnd = System.nanoTime();
        triggered.countDown(); // in case fewer than 40 % answered (should not happen)
        faultThread.join();
        List<Write> acked = writes.stream().filter(Write::acked).toList();
        Map<Integer, Long> statuses = writes.stream().collect(Collectors.groupingBy(w -> w.status, TreeMap::new, Collectors.counting()));
        long retried = writes.stream().filter(w -> w.attempts > 1).count();
        log("writes done in %.1f s: statuses %s, %d writes needed more than one attempt, %d replayed by key",
                (writesEnd - start) / 1e9, statuses, retried, writes.stream().filter(w -> w.replayed).count());

        // convergence: measured from the end of the fault
        Set<String> ackedCodes = acked.stream().map(w -> w.code).collect(Collectors.toSet());
        long deadline = Math.max(fault[1], writesEnd) + convergeTimeout * 1_000_000_000L;
        Convergence c = awaitConvergence(prefix, ackedCodes, deadline);
        State s = c.state();
        Long converged = c.at();
        String conv = converged != null
                ? String.format("yes, %.0f s", Math.max(0, (converged - fault[1]) / 1e9))
                : String.format("no (not within %d s)", convergeTimeout);
        log("convergence: %s after the fault ended; the last write was answered %.1f s after the fault ended",
                conv, (writesEnd - fault[1]) / 1e9);
        Thread.sleep(3000); // parking of anything still in flight
        Dlq dlq = dlq(dlqStart);
        String lost = report(s, acked, fault[0]);
        String applied = appliedOnce(s);
        String replay = "";
        if (dlq.good > 0 && hookOk("can-replay")) {
            replay = replayAndRecheck(prefix, ackedCodes, dlq);
        }
        String notes = (faultError[0] == null ? "" : "FAULT INJECTION FAILED: " + faultError[0] + "; ")
                + String.format("last write answered %+.0f s from the fault's end; ", (writesEnd - fault[1]) / 1e9)
                + String.format("fault %.0f s; writes %.0f s; statuses %s; %d retried; %s%s", (fault[1] - fault[0]) / 1e9,
                (writesEnd - start) / 1e9, statuses, retried, applied, replay)
                + (RETRIED.isEmpty() ? "" : "; retried on " + RETRIED);
        System.out.println(String.join("\t", scenario, Integer.toString(count), Integer.toString(acked.size()), lost,
                dlq.summary(), conv, notes));
    }

    /** Careful client: retries with the same key until 2xx, or a 4xx other than 408/429 (gives up after 15 min). */
    static void carefulWrite(Write w) {
        String parent = PARENTS[w.index % PARENTS.length];
        String body = "{\"code\":\"" + w.code + "\",\"name\":\"Chi bộ thử sự cố " + w.index + "\",\"level\":\"CELL\",\"parentId\":\""
                + parent + "\"}";
        long giveUp = System.nanoTime() + 900_000_000_000L;
        long pause = 200;
        while (true) {
            w.attempts++;
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/org-units"))
                        .timeout(Duration.ofSeconds(40))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", w.key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                w.status = r.statusCode();
                if (w.acked()) {
                    w.id = JSON.readTree(r.body()).path("id").asText(null);
                    w.ackNanos = System.nanoTime();
                    w.replayed = r.headers().firstValue("Idempotent-Replayed").isPresent();
                    return;
                }
                if (w.status >= 400 && w.status < 500 && w.status != 408 && w.status != 429) {
                    System.err.printf("write %s: definitive %d: %s%n", w.code, w.status, r.body());
                    return;
                }
                RETRIED.computeIfAbsent(Integer.toString(w.status), k -> new AtomicInteger()).incrementAndGet();
            } catch (Exception e) {
                w.status = 0; // no answer: retry
                RETRIED.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            }
            if (System.nanoTime() > giveUp) {
                System.err.printf("write %s: gave up after %d attempts%n", w.code, w.attempts);
                return;
            }
            sleep(pause);
            pause = Math.min(2000, pause * 2);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** 45 records that can never be applied, keyed (the topic is compacted), marked with a header of ours. */
    static void poison(String prefix) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("acks", "all");
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 45; i++) {
                String id = UUID.randomUUID().toString();
                String value = switch (i % 3) {
                    case 0 -> "{not json " + i + " <<<";
                    case 1 -> "{\"specversion\":\"1.0\",\"source\":\"/ktgs/bench\",\"data\":{\"id\":\"" + id + "\"}}";
                    default -> "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/ktgs/bench\","
                            + "\"type\":\"vn.ktgs.org-unit.upserted.v1\",\"subject\":\"" + id + "\",\"time\":\"" + Instant.now()
                            + "\",\"datacontenttype\":\"application/json\",\"data\":{\"id\":\"" + id + "\",\"code\":\"" + prefix
                            + "POISON-" + i + "\",\"name\":[1,2],\"level\":{\"x\":1},\"parentId\":\"" + PARENTS[0]
                            + "\",\"ancestorIds\":\"not-a-list\",\"hasUbkt\":\"maybe\",\"hasBtv\":false,"
                            + "\"authorisedToAdmit\":false,\"active\":true,\"version\":\"one\",\"changedAt\":\"yesterday\"}}";
                };
                ProducerRecord<String, String> r = new ProducerRecord<>(ORG_TOPIC, id, value);
                r.headers().add("bench-poison", "true".getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
            producer.flush();
        }
        log("45 poison records produced to %s (15 not JSON, 15 without id/type, 15 with wrong data types)", ORG_TOPIC);
    }

    // ---------------------------------------------------------------------------------------------------- hook

    static void hook(String phase) throws Exception {
        hook(phase, null);
    }

    static void hook(String phase, Path marks) throws Exception {
        // the hook writes only to stderr (it starts with exec 1>&2): stdout is this program's result row
        ProcessBuilder pb = new ProcessBuilder("bash", hook, phase, scenario).inheritIO();
        if (marks != null) {
            pb.environment().put("FAULT_MARKS", marks.toString());
        }
        int rc = pb.start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("bench hook " + phase + " " + scenario + " failed: " + rc);
        }
    }

    static boolean hookOk(String phase) throws Exception {
        return new ProcessBuilder("bash", hook, phase, scenario).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor() == 0;
    }

    static String replayAndRecheck(String prefix, Set<String> ackedCodes, Dlq dlq) throws Exception {
        log("replaying the parked records of %s", dlq.goodGroups);
        long t = System.nanoTime();
        for (String group : dlq.goodGroups) {
            new ProcessBuilder("bash", hook, "replay", group).inheritIO().start().waitFor();
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        State s = null;
        while (System.nanoTime() < deadline) {
            s = state(prefix);
            if (s.converged(ackedCodes)) {
                String r = String.format("; after replay of %s: converged in %.0f s", dlq.goodGroups, (System.nanoTime() - t) / 1e9);
                log(r);
                return r;
            }
            Thread.sleep(1000);
        }
        String r = "; after replay of " + dlq.goodGroups + ": NOT converged within 120 s ("
                + missingSummary(s, ackedCodes) + ")";
        log(r);
        return r;
    }

    // ---------------------------------------------------------------------------------------------------- state

    /** The owner's units and each copy's rows for this run's codes. */
    /** The last state seen, and when (nanoTime) every acknowledged write was everywhere once; null if never. */
    record Convergence(State state, Long at) {
    }

    static Convergence awaitConvergence(String prefix, Set<String> ackedCodes, long deadline) throws Exception {
        State s = null;
        while (System.nanoTime() < deadline) {
            try {
                s = state(prefix);
                if (s.converged(ackedCodes)) {
                    return new Convergence(s, System.nanoTime());
                }
            } catch (SQLException e) {
                // the database may still be coming back
            }
            Thread.sleep(500);
        }
        return new Convergence(s == null ? state(prefix) : s, null);
    }

    static final class State {
        final Map<String, String> owner = new HashMap<>(); // code -> id
        final Map<String, Integer> ownerRows = new HashMap<>();
        final Map<String, Map<String, Integer>> copies = new LinkedHashMap<>(); // db -> code -> rows

        boolean converged(Set<String> acked) {
            for (String code : acked) {
                if (ownerRows.getOrDefault(code, 0) != 1) {
                    return false;
                }
                for (Map<String, Integer> c : copies.values()) {
                    if (c.getOrDefault(code, 0) != 1) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    static Connection db(String name) throws SQLException {
        Properties p = new Properties();
        p.put("user", "postgres");
        p.put("password", "postgres");
        p.put("connectTimeout", "3");
        p.put("socketTimeout", "20");
        return DriverManager.getConnection(jdbc + name, p);
    }

    static State state(String prefix) throws SQLException {
        State s = new State();
        try (Connection c = db("planning");
             var ps = c.prepareStatement("SELECT code, id::text FROM org_unit WHERE code LIKE ?")) {
            ps.setString(1, prefix + "%");
            var rs = ps.executeQuery();
            while (rs.next()) {
                s.owner.put(rs.getString(1), rs.getString(2));
                s.ownerRows.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        for (String copy : COPIES) {
            Map<String, Integer> rows = new HashMap<>();
            try (Connection c = db(copy);
                 var ps = c.prepareStatement("SELECT code, count(*) FROM kit_org_unit_copy WHERE code LIKE ? GROUP BY code")) {
                ps.setString(1, prefix + "%");
                var rs = ps.executeQuery();
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getInt(2));
                }
            }
            s.copies.put(copy, rows);
        }
        return s;
    }

    static String missingSummary(State s, Set<String> acked) {
        if (s == null) {
            return "no state";
        }
        List<String> parts = new ArrayList<>();
        parts.add("owner " + acked.stream().filter(c -> !s.owner.containsKey(c)).count());
        s.copies.forEach((db, rows) -> parts.add(db + " " + acked.stream().filter(c -> !rows.containsKey(c)).count()));
        return "missing: " + String.join(", ", parts);
    }

    /** Lost acknowledged writes per place, with the evidence on stderr. */
    static String report(State s, List<Write> acked, long faultStart) throws SQLException {
        Set<String> ackedCodes = acked.stream().map(w -> w.code).collect(Collectors.toSet());
        Map<String, Write> byCode = acked.stream().collect(Collectors.toMap(w -> w.code, w -> w));
        List<String> parts = new ArrayList<>();
        Set<String> lostAnywhere = new HashSet<>();
        List<String> ownerLost = ackedCodes.stream().filter(c -> !s.owner.containsKey(c)).sorted().toList();
        lostAnywhere.addAll(ownerLost);
        parts.add("owner " + ownerLost.size());
        for (var e : s.copies.entrySet()) {
            List<String> lost = ackedCodes.stream().filter(c -> !e.getValue().containsKey(c)).sorted().toList();
            lostAnywhere.addAll(lost);
            parts.add(e.getKey() + " " + lost.size());
            if (!lost.isEmpty()) {
                log("missing from %s's copy (%d): %s", e.getKey(), lost.size(), lost.size() > 40 ? lost.subList(0, 40) + "..." : lost);
            }
        }
        long dup = s.ownerRows.values().stream().filter(n -> n > 1).count()
                + s.copies.values().stream().mapToLong(m -> m.values().stream().filter(n -> n > 1).count()).sum();
        long unacked = s.owner.keySet().stream().filter(c -> !ackedCodes.contains(c)).count();
        long orphans = s.copies.values().stream().mapToLong(m -> m.keySet().stream().filter(c -> !s.owner.containsKey(c)).count()).sum();
        for (String code : ownerLost) {
            Write w = byCode.get(code);
            List<String> in = new ArrayList<>();
            s.copies.forEach((db, rows) -> {
                if (rows.containsKey(code)) {
                    in.add(db);
                }
            });
            log("LOST from the owner: %s (id %s) acknowledged %.2f s after the fault began (attempts %d, replayed %s); present in copies: %s",
                    code, w.id, (w.ackNanos - faultStart) / 1e9, w.attempts, w.replayed, in);
        }
        if (!lostAnywhere.isEmpty()) {
            evidence(lostAnywhere, byCode);
        }
        // whatever the owner lost: do the copies hold exactly what the owner holds?
        List<String> mismatch = new ArrayList<>();
        s.copies.forEach((db, rows) -> {
            long missing = s.owner.keySet().stream().filter(c -> rows.getOrDefault(c, 0) != 1).count();
            long extra = rows.keySet().stream().filter(c -> !s.owner.containsKey(c)).count();
            if (missing + extra > 0) {
                mismatch.add(db + " lacks " + missing + " of the owner's units and has " + extra + " the owner lacks");
            }
        });
        log("copies against the owner's %d units: %s", s.owner.size(), mismatch.isEmpty() ? "identical" : mismatch);
        String r = lostAnywhere.size() + " (" + String.join(", ", parts) + ")";
        if (dup > 0) {
            r += "; " + dup + " DUPLICATED";
        }
        if (unacked > 0) {
            r += "; " + unacked + " unacknowledged in owner";
        }
        if (orphans > 0) {
            r += "; " + orphans + " copy rows without owner row";
        }
        return r;
    }

    /** For lost writes: does the owner still know the idempotency key and the outbox row? */
    static void evidence(Set<String> lost, Map<String, Write> byCode) throws SQLException {
        try (Connection c = db("planning")) {
            for (String code : new TreeMap<>(lost.stream().collect(Collectors.toMap(x -> x, x -> x))).keySet()) {
                Write w = byCode.get(code);
                String key = "-", outbox = "-";
                try (var ps = c.prepareStatement("SELECT status, created_at FROM kit_idempotency WHERE key = ?")) {
                    ps.setString(1, w.key);
                    var rs = ps.executeQuery();
                    if (rs.next()) {
                        key = "status " + rs.getString(1) + " at " + rs.getString(2);
                    }
                }
                if (w.id != null) {
                    try (var ps = c.prepareStatement("SELECT event_id, sent_at, failed_at FROM kit_outbox WHERE event_key = ?")) {
                        ps.setString(1, w.id);
                        var rs = ps.executeQuery();
                        List<String> rows = new ArrayList<>();
                        while (rs.next()) {
                            rows.add(rs.getString(1) + " sent " + rs.getString(2) + " failed " + rs.getString(3));
                        }
                        outbox = rows.toString();
                    }
                }
                log("evidence %s id %s: idempotency key in owner: %s; outbox rows: %s", code, w.id, key, outbox);
            }
        }
    }

    /** Every consumer has exactly one processed-event mark per org-unit event of these units. */
    static String appliedOnce(State s) {
        try (Connection c = db("planning")) {
            List<String> eventIds = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT event_id::text FROM kit_outbox WHERE topic = ? AND event_key = ANY(?)")) {
                ps.setString(1, ORG_TOPIC);
                ps.setArray(2, c.createArrayOf("text", s.owner.values().toArray()));
                var rs = ps.executeQuery();
                while (rs.next()) {
                    eventIds.add(rs.getString(1));
                }
            }
            List<String> parts = new ArrayList<>();
            for (String copy : COPIES) {
                try (Connection d = db(copy);
                     var ps = d.prepareStatement("SELECT count(*), count(DISTINCT event_id) FROM kit_processed_event"
                             + " WHERE consumer = ? AND event_id = ANY(?)")) {
                    ps.setString(1, copy + "-service");
                    ps.setArray(2, d.createArrayOf("text", eventIds.toArray()));
                    var rs = ps.executeQuery();
                    rs.next();
                    parts.add(copy + " " + rs.getLong(1) + (rs.getLong(1) != rs.getLong(2) ? " (DUPLICATE MARKS)" : ""));
                }
            }
            return "outbox events " + eventIds.size() + " for " + s.owner.size() + " units, processed marks: " + String.join(", ", parts);
        } catch (SQLException e) {
            return "processed marks not checked: " + e.getMessage();
        }
    }

    // ---------------------------------------------------------------------------------------------------- DLQ

    static final class Dlq {
        final Map<String, int[]> perGroup = new LinkedHashMap<>(); // group -> {poison, good}
        final Set<String> goodGroups = new java.util.TreeSet<>();
        final Map<String, Integer> errors = new TreeMap<>();
        int poison, good;

        String summary() {
            if (poison + good == 0) {
                return "0";
            }
            String groups = perGroup.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                    .map(e -> e.getKey().replace("-service", "") + " " + e.getValue()[0] + "p/" + e.getValue()[1] + "g")
                    .collect(Collectors.joining(", "));
            return (poison + good) + ": " + poison + " poison, " + good + " good events (" + groups + ")";
        }
    }

    static KafkaConsumer<String, String> dlqConsumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.put("allow.auto.create.topics", "false");
        p.put("default.api.timeout.ms", "15000");
        return new KafkaConsumer<>(p);
    }

    static Map<String, Map<TopicPartition, Long>> dlqEnds() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return dlqEndsOnce();
            } catch (org.apache.kafka.common.KafkaException e) {
                if (attempt == 10) {
                    throw e;
                }
                log("DLQ offsets not readable yet (%s), again in 3 s", e);
                Thread.sleep(3000);
            }
        }
    }

    static Map<String, Map<TopicPartition, Long>> dlqEndsOnce() {
        Map<String, Map<TopicPartition, Long>> ends = new HashMap<>();
        try (KafkaConsumer<String, String> c = dlqConsumer()) {
            Map<String, List<PartitionInfo>> topics = c.listTopics();
            for (String g : GROUPS) {
                String topic = "ktgs." + g + ".dlq";
                List<TopicPartition> tps = topics.getOrDefault(topic, List.of()).stream()
                        .map(pi -> new TopicPartition(topic, pi.partition())).toList();
                ends.put(g, tps.isEmpty() ? Map.of() : c.endOffsets(tps));
            }
        }
        return ends;
    }

    static Dlq dlq(Map<String, Map<TopicPartition, Long>> start) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return dlqOnce(start);
            } catch (org.apache.kafka.common.KafkaException e) {
                if (attempt == 10) {
                    throw e;
                }
                log("DLQ not readable yet (%s), again in 3 s", e);
                Thread.sleep(3000);
            }
        }
    }

    static Dlq dlqOnce(Map<String, Map<TopicPartition, Long>> start) {
        Dlq d = new Dlq();
        try (KafkaConsumer<String, String> c = dlqConsumer()) {
            Map<String, List<PartitionInfo>> topics = c.listTopics();
            for (String g : GROUPS) {
                int[] n = new int[2];
                d.perGroup.put(g, n);
                String topic = "ktgs." + g + ".dlq";
                List<TopicPartition> tps = topics.getOrDefault(topic, List.of()).stream()
                        .map(pi -> new TopicPartition(topic, pi.partition())).toList();
                if (tps.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, Long> end = c.endOffsets(tps);
                c.assign(tps);
                long wanted = 0;
                for (TopicPartition tp : tps) {
                    long from = start.getOrDefault(g, Map.of()).getOrDefault(tp, 0L);
                    c.seek(tp, from);
                    wanted += end.get(tp) - from;
                }
                long got = 0;
                long until = System.nanoTime() + 30_000_000_000L;
                while (got < wanted && System.nanoTime() < until) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                            continue;
                        }
                        got++;
                        boolean isPoison = r.headers().lastHeader("bench-poison") != null;
                        n[isPoison ? 0 : 1]++;
                        if (isPoison) {
                            d.poison++;
                        } else {
                            d.good++;
                            d.goodGroups.add(g);
                            log("parked GOOD event on %s: key %s, %s, value %s", topic, r.key(), headers(r),
                                    r.value() == null ? "null" : r.value().substring(0, Math.min(220, r.value().length())));
                        }
                        Header err = r.headers().lastHeader("ktgs-error");
                        d.errors.merge(err == null ? "?" : new String(err.value(), StandardCharsets.UTF_8)
                                .replaceAll("[0-9a-f-]{36}", "<id>").replaceAll("\\d+", "N"), 1, Integer::sum);
                    }
                }
                c.unsubscribe();
            }
        }
        if (!d.errors.isEmpty()) {
            d.errors.forEach((e, k) -> log("parked %d x: %s", k, e.length() > 200 ? e.substring(0, 200) : e));
        }
        return d;
    }

    static String headers(ConsumerRecord<String, String> r) {
        List<String> h = new ArrayList<>();
        for (Header x : r.headers()) {
            if (x.key().startsWith("ktgs-")) {
                h.add(x.key() + "=" + new String(x.value(), StandardCharsets.UTF_8));
            }
        }
        return h.toString();
    }

    // ---------------------------------------------------------------------------------------------------- load

    static void load(int clients, int seconds) throws Exception {
        String prefix = prefix();
        Map<String, Map<TopicPartition, Long>> dlqStart = dlqEnds();
        ConcurrentLinkedQueue<Write> created = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong(), errors = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger seq = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread th = new Thread(() -> {
                long[] lat = new long[200_000];
                int n = 0;
                while (System.nanoTime() < end) {
                    int i = seq.getAndIncrement();
                    Write w = new Write(i, prefix + String.format("%06d", i));
                    String parent = PARENTS[i % PARENTS.length];
                    String body = "{\"code\":\"" + w.code + "\",\"name\":\"Chi bộ tải " + i + "\",\"level\":\"CELL\",\"parentId\":\""
                            + parent + "\"}";
                    HttpRequest[] steps = new HttpRequest[3];
                    steps[0] = req("/api/v1/org-units").header("Content-Type", "application/json")
                            .header("Idempotency-Key", w.key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    for (int step = 0; step < 3; step++) {
                        if (step == 1) {
                            if (w.id == null) {
                                break;
                            }
                            steps[1] = req("/api/v1/org-units/" + w.id).GET().build();
                        } else if (step == 2) {
                            steps[2] = req("/api/v1/org-units/" + parent + "/children?page=0&size=20").GET().build();
                        }
                        long t0 = System.nanoTime();
                        String kind = null;
                        try {
                            HttpResponse<String> r = HTTP.send(steps[step], HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() / 100 != 2) {
                                kind = (step == 0 ? "create " : step == 1 ? "read " : "list ") + r.statusCode();
                            } else if (step == 0) {
                                w.status = r.statusCode();
                                w.id = JSON.readTree(r.body()).path("id").asText(null);
                                created.add(w);
                            }
                        } catch (Exception e) {
                            kind = (step == 0 ? "create " : step == 1 ? "read " : "list ") + e.getClass().getSimpleName();
                        }
                        long dt = System.nanoTime() - t0;
                        if (n < lat.length) {
                            lat[n++] = dt;
                        }
                        requests.incrementAndGet();
                        if (kind != null) {
                            errors.incrementAndGet();
                            errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }
                latencies.add(Arrays.copyOf(lat, n));
            }, "client-" + t);
            th.start();
            threads.add(th);
        }
        Thread progress = new Thread(() -> {
            while (System.nanoTime() < end) {
                sleep(20_000);
                log("%d requests, %d creates, %d errors", requests.get(), created.size(), errors.get());
            }
        });
        progress.setDaemon(true);
        progress.start();
        for (Thread th : threads) {
            th.join();
        }
        long loadEnd = System.nanoTime();
        double elapsed = (loadEnd - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double p50 = all.length == 0 ? 0 : all[(int) (all.length * 0.50)] / 1e6;
        double p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;
        log("%d requests in %.1f s = %.0f req/s, p50 %.0f ms, p99 %.0f ms, %d creates, %d errors %s", requests.get(), elapsed,
                requests.get() / elapsed, p50, p99, created.size(), errors.get(), errorKinds);
        Set<String> ackedCodes = created.stream().map(w -> w.code).collect(Collectors.toSet());
        Convergence c = awaitConvergence(prefix, ackedCodes, loadEnd + convergeTimeout * 1_000_000_000L);
        State s = c.state();
        Long converged = c.at();
        String conv = converged != null ? String.format("yes, %.0f s after the load", (converged - loadEnd) / 1e9)
                : "no (not within " + convergeTimeout + " s)";
        Thread.sleep(3000);
        Dlq dlq = dlq(dlqStart);
        String lost = report(s, new ArrayList<>(created), loadEnd);
        String applied = appliedOnce(s);
        conv += String.format("; %.0f req/s, p50 %.0f ms, p99 %.0f ms, %d errors%s", requests.get() / elapsed, p50, p99, errors.get(),
                errorKinds.isEmpty() ? "" : " " + errorKinds);
        System.out.println(String.join("\t", scenario, clients + " clients x " + seconds + " s", created.size() + " creates", lost,
                dlq.summary(), conv, requests.get() + " requests; " + applied));
    }

    static HttpRequest.Builder req(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + token);
    }
}
