package vn.ktgs.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.kit.config.KitConfig;
import vn.ktgs.kit.web.RequestInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes an event with the current transaction's state change (never straight to Kafka). */
@ApplicationScoped
public class Outbox {
    private final AgroalDataSource dataSource;
    private final String source;
    private final int maxEventBytes;
    private final RequestInfo request;
    private final Clock clock;

    Outbox(AgroalDataSource dataSource, KitConfig config, RequestInfo request, Clock clock) {
        this.dataSource = dataSource;
        this.source = "/ktgs/" + config.serviceName();
        this.maxEventBytes = config.outbox().maxEventBytes();
        this.request = request;
        this.clock = clock;
    }

    /** One event of a bulk change: its subject (the aggregate id, the Kafka key) and its data. */
    public record Entry(String subject, Object data) {
    }

    /**
     * Writes the event to the outbox; it reaches {@code topic} once the transaction commits. It carries
     * the request id and the current trace context, so the consumer's work joins the same trace.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, String subject, Object data) {
        return publishAll(topic, type, List.of(new Entry(subject, data))).get(0);
    }

    /** {@link #publish} for many events of one type at once (a bulk import): one batch, one wake-up of the relay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> publishAll(String topic, String type, List<Entry> entries) {
        String requestId = Arc.container().requestContext().isActive() ? request.requestId() : null;
        String traceparent = currentTraceparent();
        List<CloudEvent> events = entries.stream().map(e -> new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                source, type, e.subject(), clock.instant(), CloudEvent.JSON, requestId, traceparent,
                EventJson.mapper().valueToTree(e.data()))).toList();
        if (events.isEmpty()) {
            return events;
        }
        try (Connection tx = dataSource.getConnection()) {
            OutboxWriter.append(tx, topic, events, maxEventBytes);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the outbox", e);
        }
        return events;
    }

    private static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(CloudEvent.TRACEPARENT_HEADER);
    }
}
