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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One planned inspection or supervision of one revision; {@code id} is the same in every revision. */
@Entity
@Table(name = "plan_item")
public class PlanItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "row_id")
    public Long rowId;
    @Column(name = "plan_id")
    public UUID planId;
    public int revision;
    public UUID id;
    public int seq;
    @Enumerated(EnumType.STRING)
    public PlanCodes.Activity activity;
    @Enumerated(EnumType.STRING)
    public PlanCodes.ItemKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public PlanCodes.SubjectType subjectType;
    @Column(name = "subject_org_unit_id")
    public UUID subjectOrgUnitId;
    @Column(name = "subject_member_id")
    public String subjectMemberId;
    @Column(name = "subject_member_name")
    public String subjectMemberName;
    @Column(name = "subject_member_position")
    public String subjectMemberPosition;
    public String content;
    public String focus;
    @Enumerated(EnumType.STRING)
    @Column(name = "period_type")
    public PlanCodes.PeriodType periodType;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    public String lead;
    public String notes;

    static List<PlanItem> of(UUID planId, int revision) {
        return list("planId = ?1 and revision = ?2 order by seq", planId, revision);
    }
}
