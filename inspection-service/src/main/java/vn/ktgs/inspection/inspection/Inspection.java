package vn.ktgs.inspection.inspection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.ktgs.inspection.inspection.InspectionCodes.Activity;
import vn.ktgs.inspection.inspection.InspectionCodes.DecidingBody;
import vn.ktgs.inspection.inspection.InspectionCodes.Kind;
import vn.ktgs.inspection.inspection.InspectionCodes.OriginType;
import vn.ktgs.inspection.inspection.InspectionCodes.PublicationScope;
import vn.ktgs.inspection.inspection.InspectionCodes.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An inspection or a supervision (cuộc kiểm tra / giám sát). Changed only through {@link Inspections}. */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Activity activity;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "deciding_unit_id")
    public UUID decidingUnitId;
    @Enumerated(EnumType.STRING)
    @Column(name = "deciding_body")
    public DecidingBody decidingBody;
    public String title;
    @Column(name = "title_folded")
    public String titleFolded;
    public String content;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] fields;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "plan_item_id")
    public UUID planItemId;
    @Enumerated(EnumType.STRING)
    @Column(name = "origin_type")
    public OriginType originType;
    @Column(name = "origin_id")
    public UUID originId;
    @Column(name = "rule_set_id")
    public String ruleSetId;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "decision_date")
    public LocalDate decisionDate;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    @Column(name = "notified_on")
    public LocalDate notifiedOn;
    @Column(name = "concluded_on")
    public LocalDate concludedOn;
    public String strengths;
    public String shortcomings;
    public String causes;
    public String responsibility;
    @Column(name = "signs_of_violation")
    public String signsOfViolation;
    @Column(name = "notice_number")
    public String noticeNumber;
    @Column(name = "notice_date")
    public LocalDate noticeDate;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "notice_recipients")
    public String[] noticeRecipients;
    @Enumerated(EnumType.STRING)
    @Column(name = "publication_scope")
    public PublicationScope publicationScope;
    @Column(name = "proposed_inspection_id")
    public UUID proposedInspectionId;
    @Column(name = "amount_found")
    public Long amountFound;
    @Column(name = "amount_to_recover")
    public Long amountToRecover;
    @Column(name = "amount_recovered")
    public long amountRecovered;
    @Column(name = "subject_org_units")
    public int subjectOrgUnits;
    @Column(name = "subject_members")
    public int subjectMembers;
    @Column(name = "subject_committee_members")
    public int subjectCommitteeMembers;
    public int violations;
    @Column(name = "violations_for_discipline")
    public int violationsForDiscipline;
    public long version;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
