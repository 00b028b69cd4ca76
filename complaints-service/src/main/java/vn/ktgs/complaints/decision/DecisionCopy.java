package vn.ktgs.complaints.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A discipline decision as discipline-service announced it (and as appeals amended it): what an appeal is against. */
@Entity
@Table(name = "decision_copy")
public class DecisionCopy extends PanacheEntityBase {
    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_member_id")
    public UUID subjectMemberId;
    @Column(name = "subject_org_unit_id")
    public UUID subjectOrgUnitId;
    @Column(name = "deciding_unit_id")
    public UUID decidingUnitId;
    @Column(name = "deciding_body")
    public String decidingBody;
    public String form;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Column(name = "announced_on")
    public LocalDate announcedOn;
    @Column(name = "effect_until")
    public LocalDate effectUntil;
    @Column(name = "appeal_window_ends")
    public LocalDate appealWindowEnds;
    @Column(name = "rule_set_id")
    public String ruleSetId;
    /** null when decided; UPHELD, CHANGED or ANNULLED after an appeal */
    public String amendment;
    @Column(name = "changed_at")
    public Instant changedAt;
}
