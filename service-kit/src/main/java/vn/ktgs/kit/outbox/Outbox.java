package vn.ktgs.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.kit.config.KitConfig;
import vn.ktgs.kit.web.RequestInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Publishes an event with the current transaction's state change (never straight to Kafka). */
@ApplicationScoped
public class Outbox {
    private final AgroalDataSource dataSource;
    private final String source;
    private final RequestInfo request;

    Outbox(AgroalDataSource dataSource, KitConfig config, RequestInfo request) {
        this.dataSource = dataSource;
        this.source = "/ktgs/" + config.serviceName();
        this.request = request;
    }

    /** Writes the event to the outbox; it reaches {@code topic} once the transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, String subject, Object data) {
        String requestId = Arc.container().requestContext().isActive() ? request.requestId() : null;
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject,
                Instant.now(), CloudEvent.JSON, requestId, EventJson.mapper().valueToTree(data));
        try (Connection tx = dataSource.getConnection()) {
            OutboxWriter.append(tx, topic, event);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the outbox", e);
        }
        return event;
    }
}
