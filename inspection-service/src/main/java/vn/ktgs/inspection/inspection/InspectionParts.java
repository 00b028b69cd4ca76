package vn.ktgs.inspection.inspection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import vn.ktgs.kit.steps.StepRecord;
import vn.ktgs.inspection.inspection.InspectionCodes.Status;
import vn.ktgs.inspection.inspection.InspectionCodes.SubjectType;
import vn.ktgs.inspection.inspection.InspectionCodes.TeamRole;
import vn.ktgs.inspection.inspection.InspectionCodes.VerificationKind;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The rows an inspection is made of besides itself: subjects, team, steps, verification entries, violations, recoveries. */
public final class InspectionParts {
    private InspectionParts() {
    }

    /** Key of the rows numbered within one inspection. */
    public static class SeqKey implements Serializable {
        public UUID inspectionId;
        public int seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof SeqKey k && k.inspectionId.equals(inspectionId) && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return inspectionId.hashCode() * 31 + seq;
        }
    }

    /** An org unit or a member the inspection is about (đối tượng). */
    @Entity(name = "InspectionSubject")
    @Table(name = "inspection_subject")
    @IdClass(SeqKey.class)
    public static class Subject extends PanacheEntityBase {
        @Id
        @Column(name = "inspection_id")
        public UUID inspectionId;
        @Id
        public int seq;
        @Enumerated(EnumType.STRING)
        public SubjectType type;
        /** The org unit, or the member's unit. */
        @Column(name = "org_unit_id")
        public UUID orgUnitId;
        @Column(name = "member_id")
        public UUID memberId;
        public String name;
        @Column(name = "committee_member")
        public boolean committeeMember;

        public static List<Subject> of(UUID inspectionId) {
            return list("inspectionId = ?1 order by seq", inspectionId);
        }
    }

    /** A member of the inspection team (đoàn, tổ kiểm tra). */
    @Entity(name = "InspectionTeamMember")
    @Table(name = "inspection_team_member")
    @IdClass(SeqKey.class)
    public static class TeamMember extends PanacheEntityBase {
        @Id
        @Column(name = "inspection_id")
        public UUID inspectionId;
        @Id
        public int seq;
        @Column(name = "member_id")
        public UUID memberId;
        @Column(name = "full_name")
        public String fullName;
        @Enumerated(EnumType.STRING)
        public TeamRole role;

        public static List<TeamMember> of(UUID inspectionId) {
            return list("inspectionId = ?1 order by seq", inspectionId);
        }
    }

    /** One step of the workflow with its record: what was done, on which day, the document, by whom. */
    @Entity(name = "InspectionStep")
    @Table(name = "inspection_step")
    public static class Step extends StepRecord {
        @Column(name = "inspection_id")
        public UUID inspectionId;
        @Enumerated(EnumType.STRING)
        @Column(name = "from_status")
        public Status fromStatus;
        @Enumerated(EnumType.STRING)
        @Column(name = "to_status")
        public Status toStatus;
        public String document;

        public static List<Step> of(UUID inspectionId) {
            return list("inspectionId = ?1 order by id", inspectionId);
        }
    }

    /** A verification entry: a document studied, an interview, a supplement, a supervision's working session. */
    @Entity(name = "InspectionVerification")
    @Table(name = "inspection_verification")
    public static class Verification extends PanacheEntityBase {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;
        @Column(name = "inspection_id")
        public UUID inspectionId;
        @Enumerated(EnumType.STRING)
        public VerificationKind kind;
        @Column(name = "on_date")
        public LocalDate onDate;
        public String summary;
        public String reference;
        public String actor;

        public static List<Verification> of(UUID inspectionId) {
            return list("inspectionId = ?1 order by id", inspectionId);
        }
    }

    /** A violation the conclusion found, with the dates its limitation counts from (DOMAIN §6). */
    @Entity(name = "InspectionViolation")
    @Table(name = "inspection_violation")
    public static class Violation extends PanacheEntityBase {
        @Id
        public UUID id;
        @Column(name = "inspection_id")
        public UUID inspectionId;
        public int seq;
        @Enumerated(EnumType.STRING)
        @Column(name = "subject_type")
        public SubjectType subjectType;
        @Column(name = "subject_org_unit_id")
        public UUID subjectOrgUnitId;
        @Column(name = "subject_member_id")
        public UUID subjectMemberId;
        @Column(name = "subject_name")
        public String subjectName;
        public String act;
        public String article;
        @Column(name = "act_from")
        public LocalDate actFrom;
        @Column(name = "act_to")
        public LocalDate actTo;
        public boolean continuing;
        @Column(name = "warrants_discipline")
        public boolean warrantsDiscipline;

        public static List<Violation> of(UUID inspectionId) {
            return list("inspectionId = ?1 order by seq", inspectionId);
        }
    }

    /** An amount recovered after a party finance inspection. */
    @Entity(name = "FinanceRecovery")
    @Table(name = "finance_recovery")
    public static class Recovery extends PanacheEntityBase {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;
        @Column(name = "inspection_id")
        public UUID inspectionId;
        @Column(name = "on_date")
        public LocalDate onDate;
        public long amount;
        public String note;
        public String actor;
        public Instant at;

        public static List<Recovery> of(UUID inspectionId) {
            return list("inspectionId = ?1 order by id", inspectionId);
        }
    }
}
