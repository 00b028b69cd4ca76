package vn.ktgs.complaints;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What every letter handled here has, appeal or denunciation: the unit handling it, its receipt, version and record. */
@MappedSuperclass
public abstract class Letter extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "handling_unit_id")
    public UUID handlingUnitId;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Column(name = "rule_set_id")
    public String ruleSetId;
    public long version;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
