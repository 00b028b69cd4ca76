package vn.ktgs.discipline.cases;

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
import vn.ktgs.discipline.cases.DisciplineCodes.Exclusion;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.Status;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.discipline.cases.DisciplineCodes.ViolationGroup;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The rows a case is made of besides itself: its violation acts, the vote per form and its exclusions, its steps. */
public final class DisciplineParts {
    private DisciplineParts() {
    }

    /** Key of the rows numbered within one case. */
    public static class SeqKey implements Serializable {
        public UUID caseId;
        public int seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof SeqKey k && k.caseId.equals(caseId) && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return caseId.hashCode() * 31 + seq;
        }
    }

    /** A violation act (hành vi vi phạm) under a QĐ 69 article. */
    @Entity(name = "DisciplineAct")
    @Table(name = "discipline_act")
    @IdClass(SeqKey.class)
    public static class Act extends PanacheEntityBase {
        @Id
        @Column(name = "case_id")
        public UUID caseId;
        @Id
        public int seq;
        public String act;
        public String article;
        @Enumerated(EnumType.STRING)
        @Column(name = "violation_group")
        public ViolationGroup group;
        @Column(name = "act_from")
        public LocalDate actFrom;
        /** null while the act continues */
        @Column(name = "act_to")
        public LocalDate actTo;
        public boolean continuing;
        @Column(name = "exempt_kind")
        public String exemptKind;
        @Column(name = "violation_id")
        public UUID violationId;

        public static List<Act> of(UUID caseId) {
            return list("caseId = ?1 order by seq", caseId);
        }

        /** The acts of the subject's other cases (the same member, or the same organisation) but those of {@code statuses}. */
        public static List<Act> ofSubjectsOtherCases(DisciplineCase c, Collection<Status> statuses) {
            String subject = c.subjectType == SubjectType.MEMBER ? "subjectMemberId" : "subjectOrgUnitId";
            Object subjectId = c.subjectType == SubjectType.MEMBER ? c.subjectMemberId : c.subjectOrgUnitId;
            return list("caseId in (select o.id from DisciplineCase o where o.subjectType = ?1 and o." + subject
                    + " = ?2 and o.id <> ?3 and o.status not in ?4)", c.subjectType, subjectId, c.id, statuses);
        }

        Limitation.Act forCount() {
            return new Limitation.Act(actFrom, actTo, group.name(), exemptKind);
        }
    }

    /** Key of the vote rows: one per case and form. */
    public static class VoteKey implements Serializable {
        public UUID caseId;
        public Form form;

        @Override
        public boolean equals(Object o) {
            return o instanceof VoteKey k && k.caseId.equals(caseId) && k.form == form;
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, form);
        }
    }

    /** Key of the exclusion rows: one per case and reason. */
    public static class ExclusionKey implements Serializable {
        public UUID caseId;
        public Exclusion reason;

        @Override
        public boolean equals(Object o) {
            return o instanceof ExclusionKey k && k.caseId.equals(caseId) && k.reason == reason;
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, reason);
        }
    }

    /** The yes votes for one form in the secret ballot. */
    @Entity(name = "DisciplineVote")
    @Table(name = "discipline_vote")
    @IdClass(VoteKey.class)
    public static class Vote extends PanacheEntityBase {
        @Id
        @Column(name = "case_id")
        public UUID caseId;
        @Id
        @Enumerated(EnumType.STRING)
        public Form form;
        public int yes;

        public static List<Vote> of(UUID caseId) {
            return list("caseId", caseId);
        }
    }

    /** Members left out of the denominator, by reason. */
    @Entity(name = "DisciplineVoteExclusion")
    @Table(name = "discipline_vote_exclusion")
    @IdClass(ExclusionKey.class)
    public static class VoteExclusion extends PanacheEntityBase {
        @Id
        @Column(name = "case_id")
        public UUID caseId;
        @Id
        @Enumerated(EnumType.STRING)
        public Exclusion reason;
        public int members;

        public static List<VoteExclusion> of(UUID caseId) {
            return list("caseId", caseId);
        }
    }

    /** One step and its record. */
    @Entity(name = "DisciplineStep")
    @Table(name = "discipline_step")
    public static class Step extends StepRecord {
        @Column(name = "case_id")
        public UUID caseId;
        @Enumerated(EnumType.STRING)
        @Column(name = "from_status")
        public Status fromStatus;
        @Enumerated(EnumType.STRING)
        @Column(name = "to_status")
        public Status toStatus;
        public String document;

        public static List<Step> of(UUID caseId) {
            return list("caseId = ?1 order by id", caseId);
        }
    }
}
