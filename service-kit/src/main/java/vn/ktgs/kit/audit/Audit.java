package vn.ktgs.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ktgs.events.EventJson;
import vn.ktgs.kit.config.KitConfig;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.web.RequestInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The append-only audit trail: who, when, what, from which request, written in the same transaction
 * as the change it records. Changes made by event consumers are recorded as {@code system:<service>}.
 */
@ApplicationScoped
public class Audit {
    private final AgroalDataSource dataSource;
    private final Caller caller;
    private final RequestInfo request;
    private final String systemActor;

    Audit(AgroalDataSource dataSource, Caller caller, RequestInfo request, KitConfig config) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.request = request;
        this.systemActor = "system:" + config.serviceName();
    }

    /** {@code details} must not hold sealed personal data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object details) {
        boolean inRequest = Arc.container().requestContext().isActive();
        try (Connection tx = dataSource.getConnection();
             var ps = tx.prepareStatement("INSERT INTO kit_audit (actor, actor_org, request_id, action, entity_type,"
                     + " entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, inRequest ? caller.subject() : systemActor);
            ps.setObject(2, inRequest ? caller.orgOrNull() : null);
            ps.setString(3, inRequest ? request.requestId() : null);
            ps.setString(4, action);
            ps.setString(5, entityType);
            ps.setString(6, String.valueOf(entityId));
            if (details == null) {
                ps.setNull(7, Types.VARCHAR);
            } else {
                ps.setString(7, EventJson.mapper().writeValueAsString(details));
            }
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write the audit trail", e);
        }
    }
}
