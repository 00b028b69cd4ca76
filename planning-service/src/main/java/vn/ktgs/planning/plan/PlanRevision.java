package vn.ktgs.planning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One revision of a plan: the first draft, or an amendment of an approved plan with its reason. */
@Entity
@Table(name = "plan_revision")
public class PlanRevision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "row_id")
    public Long rowId;
    @Column(name = "plan_id")
    public UUID planId;
    public int revision;
    public String title;
    public String reason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;

    static PlanRevision of(Plan p, int revision) {
        return find("planId = ?1 and revision = ?2", p.id, revision).firstResult();
    }
}
