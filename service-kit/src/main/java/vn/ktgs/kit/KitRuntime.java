package vn.ktgs.kit;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ktgs.kit.config.KitConfig;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InboxConsumer;
import vn.ktgs.kit.outbox.OutboxRelay;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * Starts the outbox relay and, when the service has event handlers, the inbox consumer, each on a
 * thread of its own, and stops them on shutdown. Exposes their lag as metrics.
 */
@ApplicationScoped
public class KitRuntime {
    private final AgroalDataSource dataSource;
    private final KitConfig config;
    private final String bootstrapServers;
    private final List<EventHandler> handlers;
    private final MeterRegistry metrics;
    private KafkaProducer<String, String> producer;
    private OutboxRelay relay;
    private InboxConsumer inbox;
    private volatile boolean relayAlive;
    private volatile boolean inboxAlive;
    private final List<Thread> threads = new java.util.ArrayList<>();

    KitRuntime(AgroalDataSource dataSource, KitConfig config, MeterRegistry metrics,
               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
               @Any Instance<EventHandler> handlers) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
        this.handlers = handlers.stream().toList();
    }

    void start(@Observes StartupEvent ignored) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-outbox",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
        if (config.outbox().relayEnabled()) {
            relay = new OutboxRelay(dataSource, producer, config.outbox().batchSize(), config.outbox().idleWait());
            relayAlive = true;
            daemon("outbox-relay", () -> {
                relay.run();
                relayAlive = false;
            });
            Gauge.builder("ktgs.outbox.pending", () -> outboxLag(0))
                    .description("events committed but not yet published").register(metrics);
            Gauge.builder("ktgs.outbox.oldest.seconds", () -> outboxLag(1))
                    .description("age of the oldest unpublished event").register(metrics);
        }
        if (!handlers.isEmpty()) {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, config.serviceName(),
                    ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-inbox",
                    // static membership: a restarted instance takes its partitions back at once,
                    // instead of the group waiting for the old member to time out
                    ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, (config.serviceName() + "." + hostName()).replaceAll("[^A-Za-z0-9._-]", "_"),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100),
                    new StringDeserializer(), new StringDeserializer());
            inbox = new InboxConsumer(config.serviceName(), consumer, producer, handlers, this::inNewTransaction,
                    config.inbox().attempts());
            inboxAlive = true;
            daemon("inbox-consumer", () -> {
                inbox.run();
                inboxAlive = false;
            });
            Gauge.builder("ktgs.inbox.lag", inbox, InboxConsumer::lag)
                    .description("records behind the end of the consumed topics").register(metrics);
        }
    }

    /** NaN while the database cannot be asked. */
    private double outboxLag(int which) {
        try {
            return OutboxRelay.lag(dataSource)[which];
        } catch (java.sql.SQLException e) {
            return Double.NaN;
        }
    }

    /** The JTA transaction of the handler's JPA work and of the inbox mark are one. */
    private void inNewTransaction(vn.ktgs.kit.inbox.TransactionRunner.Work work) throws Exception {
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection tx = dataSource.getConnection()) {
                work.run(tx);
            }
            return null;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
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
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    public boolean relayAlive() {
        return relay == null || relayAlive;
    }

    public boolean inboxAlive() {
        return inbox == null || inboxAlive;
    }

    private void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        threads.add(t);
    }
}
