package vn.ktgs.planning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of a plan's workflow, kept for its history. */
@Entity
@Table(name = "plan_transition")
public class PlanTransition extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "plan_id")
    public UUID planId;
    public int revision;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public PlanCodes.Status fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public PlanCodes.Status toStatus;
    public String reason;
    public String actor;
    public Instant at;
}
