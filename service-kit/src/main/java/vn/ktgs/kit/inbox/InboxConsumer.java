package vn.ktgs.kit.inbox;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes a service's topics and applies each event exactly once: {@link Applier} records the event id
 * in {@code kit_processed_event} in the same transaction as the handler's effect, so a redelivered event
 * finds its mark and changes nothing. The offset is committed after that transaction.
 * <p>
 * Failures are of two kinds. A record that is no CloudEvent, or that a handler rejects as invalid
 * ({@link InvalidEventException}, event data that does not map, values the database refuses), can never
 * be applied: it is parked at once, without retries, on the group's dead-letter topic with the error, and
 * the partition moves on ({@link DeadLetters} replays it once its cause is fixed). A tombstone (a record
 * without a value, which a compacted topic allows) is skipped and counted. Anything else (database
 * unreachable, lock or serialization timeouts, Kafka errors) is transient: the partition is rewound to
 * the record and paused with exponential back-off, for as long as the failure lasts, while the loop keeps
 * polling (so the consumer stays in its group) and the other partitions keep flowing. Nothing is dropped.
 * <p>
 * A hand-written loop rather than SmallRye Reactive Messaging: its failure strategies retry a fixed
 * number of times and then fail or dead-letter whatever the cause, while this needs "retry while
 * transient, park only the invalid", per partition, around a blocking JTA transaction.
 * <p>
 * Only an {@link Error} or a bug ends the thread; the runtime then reports liveness DOWN.
 */
public final class InboxConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    /** Claims the event for this consumer and runs its handlers, in one transaction. */
    @FunctionalInterface
    public interface Applier {
        /** @return false when the event had been applied before (a redelivery), and nothing changed */
        boolean apply(ConsumerRecord<String, String> record, CloudEvent event) throws Exception;
    }

    private final String group;
    private final Consumer<String, String> consumer;
    private final Producer<String, String> deadLetters;
    private final Set<String> topics;
    private final Applier applier;
    private final Duration backoffMin;
    private final Duration backoffMax;
    private final Map<TopicPartition, Retry> retrying = new HashMap<>();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong tombstones = new AtomicLong();
    private volatile boolean running = true;
    private volatile long lag;
    private volatile int retryingCount;

    private record Retry(int failures, long resumeAtNanos) {
    }

    public InboxConsumer(String group, Consumer<String, String> consumer, Producer<String, String> deadLetters,
                         Set<String> topics, Applier applier, Duration backoffMin, Duration backoffMax) {
        this.group = group;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.topics = Set.copyOf(topics);
        this.applier = applier;
        this.backoffMin = backoffMin;
        this.backoffMax = backoffMax;
    }

    @Override
    public void run() {
        consumer.subscribe(topics, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(retrying::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // a partition comes back from its committed offset, unpaused
            }
        });
        try {
            while (running) {
                try {
                    resumeDue();
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    lag = consumer.assignment().stream().mapToLong(tp -> consumer.currentLag(tp).orElse(0)).sum();
                    for (TopicPartition tp : records.partitions()) {
                        consume(tp, records.records(tp));
                    }
                    retryingCount = retrying.size();
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // the broker is away or the group is rebalancing: poll again after a pause
                    LOG.warnf("%s: Kafka error, polling again: %s", group, e.toString());
                    sleep(backoffMin.toMillis());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5)); // leaves the group, so its partitions move at once
        }
    }

    private void consume(TopicPartition tp, List<ConsumerRecord<String, String>> records) {
        long next = -1;
        for (ConsumerRecord<String, String> record : records) {
            if (!process(record)) {
                consumer.seek(tp, record.offset());
                backOff(tp);
                break;
            }
            retrying.remove(tp);
            next = record.offset() + 1;
        }
        if (next < 0) {
            return;
        }
        // once per batch: the effects and their inbox marks are committed already, so a record delivered
        // again after a crash between the two is recognised and skipped
        try {
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(next)));
        } catch (KafkaException e) {
            LOG.warnf("%s: could not commit %s up to %d, those records may be delivered again: %s", group, tp, next, e.toString());
        }
    }

    /** Applies or parks one record; false when neither was possible and it must be tried again later. */
    boolean process(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // a tombstone: on a compacted topic it only lets Kafka drop the key's older records
            tombstones.incrementAndGet();
            return true;
        }
        CloudEvent event;
        try {
            event = EventJson.mapper().readValue(record.value(), CloudEvent.class);
            if (event.id() == null || event.type() == null) {
                throw new InvalidEventException("not a CloudEvent: id and type are required");
            }
        } catch (Exception e) {
            return park(record, e);
        }
        try {
            applier.apply(record, event);
            return true;
        } catch (Exception e) {
            Failures.rethrowError(e);
            if (Failures.isInvalid(e)) {
                return park(record, e);
            }
            Retry r = retrying.get(new TopicPartition(record.topic(), record.partition()));
            LOG.warnf("%s: event %s (%s) not applied yet (failure %d), will retry: %s", group, event.id(), event.type(),
                    r == null ? 1 : r.failures() + 1, Failures.rootMessage(e));
            return false;
        }
    }

    private boolean park(ConsumerRecord<String, String> record, Exception error) {
        String reason = Failures.rootMessage(error);
        ProducerRecord<String, String> dead = Failures.deadLetter(group, record, Failures.originOf(record), reason, null);
        try {
            deadLetters.send(dead).get();
            parked.incrementAndGet();
            LOG.errorf("%s: parked %s/%d@%d on %s: %s", group, record.topic(), record.partition(), record.offset(),
                    dead.topic(), reason);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("%s: could not park %s@%d yet: %s", group, record.topic(), record.offset(), e.toString());
            return false;
        }
    }

    private void backOff(TopicPartition tp) {
        Retry previous = retrying.get(tp);
        int failures = previous == null ? 1 : previous.failures() + 1;
        long delay = Math.min(backoffMax.toNanos(), backoffMin.toNanos() << Math.min(failures - 1, 20));
        retrying.put(tp, new Retry(failures, System.nanoTime() + delay));
        consumer.pause(List.of(tp));
    }

    private void resumeDue() {
        long now = System.nanoTime();
        List<TopicPartition> due = retrying.entrySet().stream()
                .filter(e -> e.getValue().resumeAtNanos() - now <= 0)
                .map(Map.Entry::getKey)
                .filter(consumer.assignment()::contains)
                .toList();
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    /** Records behind the end of the consumed partitions, as of the last poll. */
    public long lag() {
        return lag;
    }

    /** Partitions waiting to retry a transient failure. */
    public int retrying() {
        return retryingCount;
    }

    /** Records parked on the dead-letter topic since start. */
    public long parked() {
        return parked.get();
    }

    /** Tombstones (records without a value) skipped since start. */
    public long tombstones() {
        return tombstones.get();
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
