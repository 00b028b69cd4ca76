package vn.ktgs.kit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.kit.config.KitConfig;
import vn.ktgs.kit.inbox.DeadLetters;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.tasks.PeriodicTask;
import vn.ktgs.kit.inbox.Inbox;
import vn.ktgs.kit.inbox.InboxConsumer;
import vn.ktgs.kit.outbox.Janitor;
import vn.ktgs.kit.outbox.OutboxRelay;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts the outbox relay, the inbox consumer (when the service has event handlers) and the janitor,
 * each on a thread of its own, and stops them on shutdown. Exposes their lag as metrics and whether
 * their threads live ({@link KitHealth}). Kafka clients take every {@code kafka.*} setting (TLS, SASL)
 * from the configuration.
 */
@ApplicationScoped
public class KitRuntime {
    private static final Logger LOG = Logger.getLogger(KitRuntime.class);
    /**
     * The machine's clock, not the injectable business clock (tests fix that one in the future): the janitor's
     * retention and the age of dead letters are measured against Kafka's and the database's own timestamps.
     */
    private static final Clock MACHINE_CLOCK = Clock.systemUTC();
    /** how often the dead-letter metrics are read from Kafka */
    private static final Duration DEAD_LETTER_CHECK = Duration.ofSeconds(15);
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final AgroalDataSource dataSource;
    private final KitConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Map<String, List<EventHandler>> handlers;
    private final List<PeriodicTask> tasks;
    private final MeterRegistry metrics;
    private final Tracer tracer;
    private final List<Thread> threads = new ArrayList<>();
    private KafkaProducer<String, String> producer;
    private OutboxRelay relay;
    private InboxConsumer inbox;
    private DeadLetters deadLetters;
    private ScheduledExecutorService janitor;
    private volatile boolean relayAlive;
    private volatile boolean inboxAlive;

    KitRuntime(AgroalDataSource dataSource, KitConfig config, MeterRegistry metrics, OpenTelemetry otel,
               @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, @Any Instance<EventHandler> handlers,
               @Any Instance<PeriodicTask> tasks) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
        this.tracer = otel.getTracer("vn.ktgs.kit");
        this.kafkaConfig = kafkaConfig;
        this.handlers = handlers.stream().collect(Collectors.groupingBy(EventHandler::topic));
        this.tasks = tasks.stream().toList();
    }

    void start(@Observes StartupEvent ignored) {
        producer = new KafkaProducer<>(kafka(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-outbox",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)),
                new StringSerializer(), new StringSerializer());
        if (config.outbox().relayEnabled()) {
            relay = new OutboxRelay(dataSource, producer, config.outbox().batchSize(), config.outbox().idleWait());
            relayAlive = true;
            thread("outbox-relay", relay, () -> relayAlive = false);
            Gauge.builder("ktgs.outbox.pending", () -> outboxLag(0))
                    .description("events committed but not yet published").register(metrics);
            Gauge.builder("ktgs.outbox.oldest.seconds", () -> outboxLag(1))
                    .description("age of the oldest unpublished event").register(metrics);
            Gauge.builder("ktgs.outbox.failed", () -> outboxLag(2))
                    .description("events Kafka refused for good, set aside for an operator").register(metrics);
        }
        if (!handlers.isEmpty()) {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka(Map.of(
                    ConsumerConfig.GROUP_ID_CONFIG, config.serviceName(),
                    ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-inbox",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                    // Dynamic membership: a pod that stops leaves the group at once; one that dies is noticed
                    // within the session timeout. Cooperative rebalancing keeps the other partitions flowing.
                    ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                    ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000,
                    ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 60_000)),
                    new StringDeserializer(), new StringDeserializer());
            inbox = new InboxConsumer(config.serviceName(), consumer, producer, Set.copyOf(handlers.keySet()), this::apply,
                    config.inbox().backoffMin(), config.inbox().backoffMax());
            inboxAlive = true;
            thread("inbox-consumer", inbox, () -> inboxAlive = false);
            Gauge.builder("ktgs.inbox.lag", inbox, InboxConsumer::lag)
                    .description("records behind the end of the consumed topics").register(metrics);
            Gauge.builder("ktgs.inbox.retrying", inbox, InboxConsumer::retrying)
                    .description("partitions waiting to retry an event that failed for a transient reason").register(metrics);
            Gauge.builder("ktgs.inbox.parked", inbox, InboxConsumer::parked)
                    .description("records parked on the dead-letter topic since start").register(metrics);
            Gauge.builder("ktgs.inbox.tombstones", inbox, InboxConsumer::tombstones)
                    .description("tombstones (records without a value) skipped since start").register(metrics);
            deadLetters = new DeadLetters(config.serviceName(), new KafkaConsumer<>(kafka(Map.of(
                    ConsumerConfig.GROUP_ID_CONFIG, DeadLetters.replayGroup(config.serviceName()),
                    ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-dead-letters",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)),
                    new StringDeserializer(), new StringDeserializer()), producer, this::apply, MACHINE_CLOCK);
            Gauge.builder("ktgs.inbox.dead.letters", deadLetters, DeadLetters::lastWaiting)
                    .tag("consumer_group", config.serviceName())
                    .description("records parked on this consumer group's dead-letter topic and not replayed yet: "
                            + "events this service is missing").register(metrics);
            Gauge.builder("ktgs.inbox.dead.letters.oldest.seconds", deadLetters, DeadLetters::lastOldestAgeSeconds)
                    .tag("consumer_group", config.serviceName())
                    .description("age of the oldest record waiting on the dead-letter topic").register(metrics);
        }
        Janitor purge = new Janitor(dataSource, config.retention().sentEvents(), config.retention().processedEvents(),
                config.retention().idempotencyKeys());
        janitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kit-janitor");
            t.setDaemon(true);
            return t;
        });
        long every = config.retention().interval().toSeconds();
        janitor.scheduleWithFixedDelay(() -> {
            try {
                purge.purge(MACHINE_CLOCK.instant());
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("janitor could not purge, will try again: %s", e.toString());
            }
        }, Math.min(60, every), every, TimeUnit.SECONDS);
        for (PeriodicTask task : tasks) {
            janitor.scheduleWithFixedDelay(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    LOG.warnf("%s failed, will try again: %s", task.name(), e.toString());
                }
            }, task.every().toMillis(), task.every().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (deadLetters != null) {
            janitor.scheduleWithFixedDelay(() -> {
                try {
                    deadLetters.status();
                } catch (RuntimeException e) {
                    LOG.warnf("could not read the dead-letter topic, will try again: %s", e.toString());
                }
            }, 0, DEAD_LETTER_CHECK.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Applies one event in a new JTA transaction: the inbox mark and the handlers' JPA work commit
     * together. The work joins the trace of the request that caused the event, and its log lines carry
     * that trace id and request id.
     */
    private boolean apply(ConsumerRecord<String, String> record, CloudEvent event) throws Exception {
        Map<String, String> carrier = new HashMap<>();
        if (event.traceparent() != null) {
            carrier.put(CloudEvent.TRACEPARENT_HEADER, event.traceparent());
        }
        Header header = record.headers().lastHeader(CloudEvent.TRACEPARENT_HEADER);
        if (header != null) {
            carrier.put(CloudEvent.TRACEPARENT_HEADER, new String(header.value(), StandardCharsets.UTF_8));
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP_GETTER);
        Span span = tracer.spanBuilder(record.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            MDC.put("traceId", span.getSpanContext().getTraceId());
            MDC.put("spanId", span.getSpanContext().getSpanId());
            if (event.requestid() != null) {
                MDC.put("requestId", event.requestid());
            }
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection tx = dataSource.getConnection()) {
                    if (!Inbox.claim(tx, config.serviceName(), event.id(), record.topic())) {
                        return false;
                    }
                }
                for (EventHandler h : handlers.get(record.topic())) {
                    h.handle(event);
                }
                return true;
            });
            LOG.infof("%s event %s (%s) from %s/%d@%d", applied ? "applied" : "already applied", event.id(), event.type(),
                    record.topic(), record.partition(), record.offset());
            return applied;
        } catch (Exception e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
            MDC.remove("traceId");
            MDC.remove("spanId");
            MDC.remove("requestId");
        }
    }

    /** The configured {@code kafka.*} settings (bootstrap servers, TLS, SASL) with this client's own on top. */
    private Map<String, Object> kafka(Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(kafkaConfig);
        all.putAll(own);
        return all;
    }

    /** NaN while the database cannot be asked. */
    private double outboxLag(int which) {
        try {
            return OutboxRelay.lag(dataSource)[which];
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (janitor != null) {
            janitor.shutdownNow();
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
        if (relay != null) {
            relay.stop();
        }
        if (inbox != null) {
            inbox.stop();
        }
        // let the consumer leave its group and the relay finish its batch before the JVM goes
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** This service's dead letters; empty when it consumes no events. */
    public Optional<DeadLetters> deadLetters() {
        return Optional.ofNullable(deadLetters);
    }

    public boolean relayAlive() {
        return relay == null || relayAlive;
    }

    public boolean inboxAlive() {
        return inbox == null || inboxAlive;
    }

    /** Runs {@code body} on a daemon thread; {@code onEnd} runs however it ends, an Error included. */
    private void thread(String name, Runnable body, Runnable onEnd) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                // logged here, not rethrown: the thread ends either way, and liveness reports it
                LOG.errorf(e, "%s thread ended unexpectedly; liveness is DOWN so the process is restarted", name);
            } finally {
                onEnd.run();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        threads.add(t);
    }
}
