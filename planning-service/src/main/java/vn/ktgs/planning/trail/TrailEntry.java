package vn.ktgs.planning.trail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One record an event announced, and the record it came from (V5__trail.sql). */
@Entity
@Table(name = "trail_entry")
public class TrailEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "record_type")
    public String recordType;
    @Column(name = "record_id")
    public UUID recordId;
    @Column(name = "linked_type")
    public String linkedType;
    @Column(name = "linked_id")
    public UUID linkedId;
    @Column(name = "unit_id")
    public UUID unitId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;
}
