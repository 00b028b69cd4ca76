package vn.ktgs.kit.inbox;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.jboss.logging.Logger;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A consumer group's dead-letter topic, seen from the operator's side: how many parked records wait and
 * since when, and their replay once the cause is fixed.
 * <p>
 * The replay position is the committed offset of the group {@code <group>.dead-letters}: records before
 * it were replayed, records from it on still wait. A replay applies each waiting record through the same
 * inbox as live events, so an event that was applied meanwhile (or twice parked) changes nothing. A record
 * that still cannot be applied is parked again at the end of the topic with its first parking's time and
 * origin;
 * a transient failure (database away) stops the replay where it is, to be run again later.
 * <p>
 * Not thread-safe on its own: every method is synchronized around the one Kafka consumer.
 */
public final class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** a replay stops when the topic gives nothing for this long although records should be there */
    private static final Duration STALL = Duration.ofSeconds(20);
    /** records listed by {@link #status()} */
    private static final int LISTED = 50;

    /** A parked record as an operator needs to see it: never its data, which may be personal. */
    public record Parked(String origin, Instant parkedSince, String eventId, String eventType, String error) {
    }

    public record Status(String topic, long waiting, Double oldestAgeSeconds, List<Parked> records) {
    }

    public record Replay(int applied, int alreadyApplied, int parkedAgain, long stillWaiting, String stoppedBecause) {
    }

    public record Discarded(long discarded) {
    }

    private final String group;
    private final String topic;
    private final Consumer<String, String> consumer;
    private final Producer<String, String> producer;
    private final InboxConsumer.Applier applier;
    private final Clock clock;
    private volatile long lastWaiting;
    private volatile double lastOldestAgeSeconds;

    /**
     * @param consumer a consumer of the group {@link #replayGroup(String)}, without auto-commit; only
     *                 this object uses it
     */
    public DeadLetters(String group, Consumer<String, String> consumer, Producer<String, String> producer,
                       InboxConsumer.Applier applier, Clock clock) {
        this.group = group;
        this.topic = Topics.deadLetter(group);
        this.consumer = consumer;
        this.producer = producer;
        this.applier = applier;
        this.clock = clock;
    }

    /** The consumer group whose committed offsets mark how far the dead letters of {@code group} were replayed. */
    public static String replayGroup(String group) {
        return group + ".dead-letters";
    }

    /** Records waiting, as of the last {@link #status()} (for metrics, which must not call Kafka). */
    public long lastWaiting() {
        return lastWaiting;
    }

    /** Age in seconds of the oldest waiting record, as of the last {@link #status()}; 0 when none waits. */
    public double lastOldestAgeSeconds() {
        return lastOldestAgeSeconds;
    }

    /** What waits now, read from Kafka, with up to 50 of the oldest records. */
    public synchronized Status status() {
        Map<TopicPartition, Long> from = waitingFrom();
        Map<TopicPartition, Long> end = from.isEmpty() ? Map.of() : consumer.endOffsets(from.keySet());
        long waiting = 0;
        Map<TopicPartition, Long> pending = new HashMap<>();
        for (var e : from.entrySet()) {
            long n = Math.max(0, end.get(e.getKey()) - e.getValue());
            waiting += n;
            if (n > 0) {
                pending.put(e.getKey(), e.getValue());
            }
        }
        List<Parked> listed = new ArrayList<>();
        if (!pending.isEmpty()) {
            consumer.assign(pending.keySet());
            pending.forEach(consumer::seek);
            long stallAt = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (listed.size() < Math.min(LISTED, waiting) && System.nanoTime() < stallAt) {
                for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && listed.size() < LISTED) {
                        listed.add(describe(r));
                    }
                }
            }
            consumer.assign(List.of());
        }
        listed.sort(Comparator.comparing(Parked::parkedSince));
        Double age = listed.isEmpty() ? null : Math.max(0, Duration.between(listed.get(0).parkedSince(), clock.instant()).toMillis() / 1000.0);
        lastWaiting = waiting;
        lastOldestAgeSeconds = age == null ? 0 : age;
        return new Status(topic, waiting, age, listed);
    }

    /** Applies every record that waited when the replay began; see the class comment for what happens to each. */
    public synchronized Replay replay() {
        Map<TopicPartition, Long> from = waitingFrom();
        if (from.isEmpty()) {
            return new Replay(0, 0, 0, 0, null);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
        Set<TopicPartition> open = new HashSet<>();
        from.forEach((tp, offset) -> {
            if (offset < end.get(tp)) {
                open.add(tp);
            }
        });
        int applied = 0;
        int already = 0;
        int parkedAgain = 0;
        String stopped = null;
        consumer.assign(open);
        open.forEach(tp -> consumer.seek(tp, from.get(tp)));
        long lastProgress = System.nanoTime();
        replaying:
        while (!open.isEmpty()) {
            var records = consumer.poll(POLL);
            if (records.isEmpty() && System.nanoTime() - lastProgress > STALL.toNanos()) {
                stopped = "the dead-letter topic gave no records for " + STALL.toSeconds() + " s";
                break;
            }
            for (TopicPartition tp : records.partitions()) {
                if (!open.contains(tp)) {
                    continue;
                }
                for (ConsumerRecord<String, String> r : records.records(tp)) {
                    if (r.offset() >= end.get(tp)) {
                        break; // parked after the replay began (or parked again by it)
                    }
                    Outcome outcome;
                    try {
                        outcome = replayOne(r);
                    } catch (RuntimeException e) {
                        stopped = e.getMessage();
                        break replaying;
                    }
                    switch (outcome) {
                        case APPLIED -> applied++;
                        case ALREADY_APPLIED -> already++;
                        case PARKED_AGAIN -> parkedAgain++;
                    }
                    consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                    lastProgress = System.nanoTime();
                }
                if (consumer.position(tp) >= end.get(tp)) {
                    open.remove(tp);
                }
            }
        }
        consumer.assign(List.of());
        Replay result = new Replay(applied, already, parkedAgain, status().waiting(), stopped);
        LOG.infof("%s: replayed dead letters: %s", group, result);
        return result;
    }

    /**
     * Gives up on every record that waits now, without applying it: for records no fix will ever make
     * applicable (poison that no producer of ours wrote), so that the count and its alert mean "missing
     * events" again. The records stay on the topic until its retention ends, for whoever investigates.
     */
    public synchronized Discarded discard() {
        Map<TopicPartition, Long> from = waitingFrom();
        if (from.isEmpty()) {
            return new Discarded(0);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
        Map<TopicPartition, OffsetAndMetadata> marks = new HashMap<>();
        long discarded = 0;
        for (var e : from.entrySet()) {
            long n = end.get(e.getKey()) - e.getValue();
            if (n > 0) {
                discarded += n;
                marks.put(e.getKey(), new OffsetAndMetadata(end.get(e.getKey())));
            }
        }
        if (!marks.isEmpty()) {
            consumer.commitSync(marks);
        }
        LOG.warnf("%s: discarded %d dead letters without applying them (they stay on %s until its retention ends)",
                group, discarded, topic);
        status();
        return new Discarded(discarded);
    }

    private enum Outcome { APPLIED, ALREADY_APPLIED, PARKED_AGAIN }

    /** @throws IllegalStateException when the record failed for a transient reason and the replay must stop */
    private Outcome replayOne(ConsumerRecord<String, String> parked) {
        String origin = header(parked, Failures.ORIGIN_HEADER);
        try {
            ConsumerRecord<String, String> original = original(parked, origin);
            CloudEvent event = EventJson.mapper().readValue(parked.value(), CloudEvent.class);
            if (event.id() == null || event.type() == null) {
                throw new InvalidEventException("not a CloudEvent: id and type are required");
            }
            return applier.apply(original, event) ? Outcome.APPLIED : Outcome.ALREADY_APPLIED;
        } catch (Exception e) {
            Failures.rethrowError(e);
            if (!Failures.isInvalid(e)) {
                throw new IllegalStateException("stopped at " + topic + "/" + parked.partition() + "@" + parked.offset()
                        + ", which failed for a reason that may pass (run the replay again later): " + Failures.rootMessage(e));
            }
            try {
                producer.send(Failures.deadLetter(group, parked, origin, Failures.rootMessage(e), parked.timestamp())).get();
            } catch (Exception sendFailed) {
                if (sendFailed instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("could not park " + origin + " again: " + sendFailed.getMessage());
            }
            return Outcome.PARKED_AGAIN;
        }
    }

    /** The record as first consumed: its origin topic decides which handlers apply it. */
    private static ConsumerRecord<String, String> original(ConsumerRecord<String, String> parked, String origin) {
        if (origin == null || !origin.matches(".+/\\d+@\\d+")) {
            throw new InvalidEventException("a dead letter without a valid " + Failures.ORIGIN_HEADER + " header");
        }
        int slash = origin.lastIndexOf('/');
        int at = origin.lastIndexOf('@');
        return new ConsumerRecord<>(origin.substring(0, slash), Integer.parseInt(origin.substring(slash + 1, at)),
                Long.parseLong(origin.substring(at + 1)), parked.timestamp(), TimestampType.CREATE_TIME, -1, -1,
                parked.key(), parked.value(), parked.headers(), Optional.empty());
    }

    /** Where the waiting records begin, per partition: the replay position, or the oldest record Kafka kept. */
    private Map<TopicPartition, Long> waitingFrom() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            return Map.of(); // nothing was ever parked
        }
        Set<TopicPartition> partitions = new HashSet<>();
        infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            from.put(tp, Math.max(beginning.get(tp), c == null ? 0 : c.offset()));
        }
        return from;
    }

    /** Waits for a running replay or status read, then closes the consumer. */
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private Parked describe(ConsumerRecord<String, String> r) {
        String id = null;
        String type = null;
        try {
            CloudEvent e = r.value() == null ? null : EventJson.mapper().readValue(r.value(), CloudEvent.class);
            id = e == null ? null : e.id();
            type = e == null ? null : e.type();
        } catch (Exception notAnEvent) {
            // listed without id and type
        }
        return new Parked(header(r, Failures.ORIGIN_HEADER), Instant.ofEpochMilli(r.timestamp()), id, type,
                header(r, Failures.ERROR_HEADER));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
