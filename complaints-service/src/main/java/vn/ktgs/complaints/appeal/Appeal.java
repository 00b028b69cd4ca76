package vn.ktgs.complaints.appeal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.ktgs.complaints.Letter;
import vn.ktgs.kit.steps.StepRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.ktgs.complaints.appeal.AppealCodes.Outcome;
import vn.ktgs.complaints.appeal.AppealCodes.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An appeal against a discipline decision (DOMAIN §4 Appeal): the letter, its level, admissibility, deadline and outcome. */
@Entity
@Table(name = "appeal")
public class Appeal extends Letter {
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "appellant_member_id")
    public UUID appellantMemberId;
    @Column(name = "appellant_name")
    public String appellantName;
    @Column(name = "filed_by_subject")
    public boolean filedBySubject;
    @Column(name = "decision_received_on")
    public LocalDate decisionReceivedOn;
    @Column(name = "refused_decision")
    public boolean refusedDecision;
    @Column(name = "court_sentence")
    public boolean courtSentence;
    @Column(name = "moved_before_filing")
    public boolean movedBeforeFiling;
    @Column(name = "postmarked_on")
    public LocalDate postmarkedOn;
    @Column(name = "filed_directly_on")
    public LocalDate filedDirectlyOn;
    public String content;
    @Column(name = "handling_body")
    public String handlingBody;
    public int level;
    @Enumerated(EnumType.STRING)
    public Status status;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "rejection_reasons")
    public String[] rejectionReasons;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "new_form")
    public String newForm;
    /** The form a lower body proposed when it sent the appeal up, outside its authority; null otherwise. */
    @Column(name = "proposed_form")
    public String proposedForm;
    @Column(name = "transferred_from_unit_id")
    public UUID transferredFromUnitId;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "notified_on")
    public LocalDate notifiedOn;

    /** The day the appeal was filed: the postmark or the direct filing, whichever came first. */
    public LocalDate filedOn() {
        return filedOn(postmarkedOn, filedDirectlyOn);
    }

    static LocalDate filedOn(LocalDate postmarkedOn, LocalDate filedDirectlyOn) {
        if (postmarkedOn == null) {
            return filedDirectlyOn;
        }
        return filedDirectlyOn == null || postmarkedOn.isBefore(filedDirectlyOn) ? postmarkedOn : filedDirectlyOn;
    }

    /** One step and its record. */
    @Entity(name = "AppealStep")
    @Table(name = "appeal_step")
    public static class Step extends StepRecord {
        @Column(name = "appeal_id")
        public UUID appealId;
        @Enumerated(EnumType.STRING)
        @Column(name = "from_status")
        public Status fromStatus;
        @Enumerated(EnumType.STRING)
        @Column(name = "to_status")
        public Status toStatus;

        public static List<Step> of(UUID appealId) {
            return list("appealId = ?1 order by id", appealId);
        }
    }
}
