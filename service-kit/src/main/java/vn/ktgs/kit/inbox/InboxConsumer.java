package vn.ktgs.kit.inbox;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Consumes the handlers' topics and applies each event exactly once: the event id is recorded in
 * {@code kit_processed_event} in the same transaction as the handler's effect, so a redelivered
 * event finds its mark and changes nothing. The offset is committed after the transaction.
 * <p>
 * A message that cannot be read as a CloudEvent, or whose handler still fails after
 * {@code attempts} tries, is parked on {@code <topic>.dlq} with the error, and the next message is
 * processed. A failure to reach the database or the DLQ stops the loop's progress instead (the
 * message is polled again), so an outage delays events and never drops them.
 */
public final class InboxConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    private final String name;
    private final Consumer<String, String> consumer;
    private final Producer<String, String> deadLetters;
    private final Map<String, EventHandler> handlers;
    private final TransactionRunner transactions;
    private final int attempts;
    private volatile boolean running = true;
    private volatile long lag;

    public InboxConsumer(String name, Consumer<String, String> consumer, Producer<String, String> deadLetters,
                         List<EventHandler> handlers, TransactionRunner transactions, int attempts) {
        this.name = name;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::topic, Function.identity()));
        this.transactions = transactions;
        this.attempts = attempts;
    }

    @Override
    public void run() {
        consumer.subscribe(handlers.keySet());
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(500));
                lag = consumer.assignment().stream().mapToLong(tp -> consumer.currentLag(tp).orElse(0)).sum();
                for (ConsumerRecord<String, String> record : records) {
                    if (!process(record)) {
                        // not applied and not parked: read everything uncommitted again after a pause
                        rewindToCommitted();
                        sleep(1_000);
                        break;
                    }
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    private void rewindToCommitted() {
        var assignment = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
        for (TopicPartition tp : assignment) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, offset);
            }
        }
    }

    /** Applies or parks one record; false when neither was possible (database or DLQ down). */
    boolean process(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = EventJson.mapper().readValue(record.value(), CloudEvent.class);
            if (event.id() == null || event.type() == null) {
                throw new IllegalArgumentException("not a CloudEvent: id and type are required");
            }
        } catch (Exception e) {
            return park(record, e);
        }
        EventHandler handler = handlers.get(record.topic());
        Exception last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                transactions.inTransaction(tx -> {
                    if (Inbox.claim(tx, name, event.id(), record.topic())) {
                        handler.handle(event, tx);
                    }
                });
                return true;
            } catch (Exception e) {
                last = e;
                LOG.warnf("%s: event %s (%s) failed, attempt %d of %d: %s", name, event.id(), event.type(), attempt, attempts, e);
                sleep(100L * attempt);
            }
        }
        return park(record, last);
    }

    private boolean park(ConsumerRecord<String, String> record, Exception error) {
        ProducerRecord<String, String> parked = new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(), record.value());
        parked.headers()
                .add("ktgs-error", String.valueOf(error).getBytes(StandardCharsets.UTF_8))
                .add("ktgs-consumer", name.getBytes(StandardCharsets.UTF_8))
                .add("ktgs-origin", (record.topic() + "/" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(parked).get();
            LOG.errorf("%s: parked %s/%d@%d on %s: %s", name, record.topic(), record.partition(), record.offset(),
                    parked.topic(), error);
            return true;
        } catch (Exception e) {
            LOG.errorf("%s: could not park %s@%d: %s", name, record.topic(), record.offset(), e);
            return false;
        }
    }

    /** Records behind the end of the consumed partitions, as of the last poll. */
    public long lag() {
        return lag;
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
