package vn.ktgs.discipline.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.OriginType;
import vn.ktgs.discipline.cases.DisciplineCodes.SelfCriticism;
import vn.ktgs.discipline.cases.DisciplineCodes.Source;
import vn.ktgs.discipline.cases.DisciplineCodes.Status;
import vn.ktgs.kit.discipline.DisciplineTerms.SubjectCategory;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A discipline case (DOMAIN §4 DisciplineCase): one subject, the body considering it, and the record of each step. */
@Entity
@Table(name = "discipline_case")
public class DisciplineCase extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;
    @Column(name = "subject_member_id")
    public UUID subjectMemberId;
    /** The organisation disciplined, or the member's unit when the case was opened. */
    @Column(name = "subject_org_unit_id")
    public UUID subjectOrgUnitId;
    @Column(name = "subject_name")
    public String subjectName;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_category")
    public SubjectCategory subjectCategory;
    @Column(name = "deciding_unit_id")
    public UUID decidingUnitId;
    @Enumerated(EnumType.STRING)
    @Column(name = "deciding_body")
    public Body decidingBody;
    @Enumerated(EnumType.STRING)
    public Source source;
    /** What caused the case: an inspection, a denunciation, a case of the body below (a proposal), … */
    @Enumerated(EnumType.STRING)
    @Column(name = "origin_type")
    public OriginType originType;
    @Column(name = "origin_id")
    public UUID originId;
    public String summary;
    @Column(name = "summary_folded")
    public String summaryFolded;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_deferral")
    public Status statusBeforeDeferral;
    @Column(name = "rule_set_id")
    public String ruleSetId;
    /** The form the file proposes, if any (from the officer, an inspection, or the body below). */
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_form")
    public Form proposedForm;
    @Column(name = "especially_serious")
    public boolean especiallySerious;
    /** The violation concerns a task assigned by a higher level: a cell may not decide it (DOMAIN §3.1). */
    @Column(name = "higher_level_task")
    public boolean higherLevelTask;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] mitigating;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] aggravating;
    @Column(name = "decision_to_inspect_on")
    public LocalDate decisionToInspectOn;
    @Column(name = "concluded_on")
    public LocalDate concludedOn;
    @Column(name = "deferral_ground")
    public String deferralGround;
    @Column(name = "deferred_until")
    public LocalDate deferredUntil;
    @Enumerated(EnumType.STRING)
    @Column(name = "self_criticism")
    public SelfCriticism selfCriticism;
    @Enumerated(EnumType.STRING)
    @Column(name = "self_proposed_form")
    public Form selfProposedForm;
    @Column(name = "heard_on")
    public LocalDate heardOn;
    @Column(name = "vote_on")
    public LocalDate voteOn;
    @Column(name = "vote_official")
    public Integer voteOfficial;
    @Column(name = "vote_denominator")
    public Integer voteDenominator;
    @Enumerated(EnumType.STRING)
    @Column(name = "vote_result_form")
    public Form voteResultForm;
    @Column(name = "expulsion_proposal_reached")
    public Boolean expulsionProposalReached;
    @Column(name = "proposed_to_unit_id")
    public UUID proposedToUnitId;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_to_body")
    public Body proposedToBody;
    @Column(name = "proposal_case_id")
    public UUID proposalCaseId;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "decided_form")
    public Form decidedForm;
    @Column(name = "limitation_last_day")
    public LocalDate limitationLastDay;
    @Column(name = "limitation_expired")
    public Boolean limitationExpired;
    @Column(name = "announced_on")
    public LocalDate announcedOn;
    /** The last day in effect; null for khai trừ and giải tán, which do not end. */
    @Column(name = "effect_until")
    public LocalDate effectUntil;
    @Column(name = "appeal_window_ends")
    public LocalDate appealWindowEnds;
    @Column(name = "reported_up_on")
    public LocalDate reportedUpOn;
    @Column(name = "effect_ended_on")
    public LocalDate effectEndedOn;
    /** An appeal accepted and not decided yet: the effect does not end meanwhile. */
    @Column(name = "appeal_pending_id")
    public UUID appealPendingId;
    @Column(name = "appeal_id")
    public UUID appealId;
    @Column(name = "appeal_outcome")
    public String appealOutcome;
    @Column(name = "appeal_decided_on")
    public LocalDate appealDecidedOn;
    public long version;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
