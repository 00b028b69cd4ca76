package vn.ktgs.inspection.planitem;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** An item of an approved plan, kept from planning's events by {@link PlanItemCopyHandler}. */
@Entity
@Table(name = "plan_item_copy")
public class PlanItemCopy extends PanacheEntityBase {
    @Id
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "plan_revision")
    public int planRevision;
    @Column(name = "owner_unit_id")
    public UUID ownerUnitId;
    public String kind;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_org_unit_id")
    public UUID subjectOrgUnitId;
    @Column(name = "subject_member_id")
    public String subjectMemberId;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    public String content;
    /** False once an amendment of the plan dropped the item. */
    @Column(name = "in_force")
    public boolean inForce;
}
