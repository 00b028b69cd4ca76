package vn.ktgs.planning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A KT,GS plan (kế hoạch / chương trình kiểm tra, giám sát). Changed only through {@link Plans}. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "owner_unit_id")
    public UUID ownerUnitId;
    @Enumerated(EnumType.STRING)
    public PlanCodes.Kind kind;
    public Integer year;
    @Column(name = "term_start")
    public Integer termStart;
    @Column(name = "term_end")
    public Integer termEnd;
    public String title;
    @Column(name = "title_folded")
    public String titleFolded;
    @Enumerated(EnumType.STRING)
    public PlanCodes.Status status;
    /** The latest revision, the one being worked on. */
    public int revision;
    /** The revision in force, once one was approved. */
    @Column(name = "approved_revision")
    public Integer approvedRevision;
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
