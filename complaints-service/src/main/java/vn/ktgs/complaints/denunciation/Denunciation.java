package vn.ktgs.complaints.denunciation;

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
import vn.ktgs.complaints.Letter;
import vn.ktgs.kit.steps.StepRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.ktgs.complaints.denunciation.DenunciationCodes.Outcome;
import vn.ktgs.complaints.denunciation.DenunciationCodes.Status;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A denunciation (DOMAIN §4): the letter, its accused, the screening, the deadline and the conclusion. The denouncers'
 * identity is only ever held sealed ({@link #denouncersSealed}); nothing else here names them.
 */
@Entity
@Table(name = "denunciation")
public class Denunciation extends Letter {
    /** CELL, COMMITTEE, STANDING_COMMITTEE or INSPECTION_COMMISSION of the handling unit */
    @Column(name = "handling_body")
    public String handlingBody;
    public String channel;
    @Column(name = "postmarked_on")
    public LocalDate postmarkedOn;
    @Column(name = "received_by_competent_on")
    public LocalDate receivedByCompetentOn;
    @Column(name = "denouncers_sealed")
    public byte[] denouncersSealed;
    @Column(name = "denouncer_count")
    public int denouncerCount;
    @Column(name = "signed_in_person")
    public boolean signedInPerson;
    public String content;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] evidence;
    @Enumerated(EnumType.STRING)
    public Status status;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "not_handled_reasons")
    public String[] notHandledReasons;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String conclusion;
    @Column(name = "concluded_on")
    public LocalDate concludedOn;
    @Column(name = "notified_on")
    public LocalDate notifiedOn;
    /** The handling team: the login names that may read the identity, the member ids checked for conflicts. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "team_subjects")
    public String[] teamSubjects;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "team_member_ids")
    public UUID[] teamMemberIds;
    @Column(name = "extended_by")
    public Integer extendedBy;
    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;
    @Column(name = "withdrawal_coerced")
    public Boolean withdrawalCoerced;

    /** Key of the accused rows. */
    public static class SeqKey implements Serializable {
        public UUID denunciationId;
        public int seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof SeqKey k && k.denunciationId.equals(denunciationId) && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return denunciationId.hashCode() * 31 + seq;
        }
    }

    /** A member or party organisation denounced. */
    @Entity(name = "DenunciationAccused")
    @Table(name = "denunciation_accused")
    @IdClass(SeqKey.class)
    public static class Accused extends PanacheEntityBase {
        @Id
        @Column(name = "denunciation_id")
        public UUID denunciationId;
        @Id
        public int seq;
        public String type;
        @Column(name = "member_id")
        public UUID memberId;
        @Column(name = "org_unit_id")
        public UUID orgUnitId;
        public String name;
        @JdbcTypeCode(SqlTypes.ARRAY)
        @Column(name = "related_member_ids")
        public UUID[] relatedMemberIds = new UUID[0];

        public static List<Accused> of(UUID denunciationId) {
            return list("denunciationId = ?1 order by seq", denunciationId);
        }
    }

    /** One step and its record. */
    @Entity(name = "DenunciationStep")
    @Table(name = "denunciation_step")
    public static class Step extends StepRecord {
        @Column(name = "denunciation_id")
        public UUID denunciationId;
        @Enumerated(EnumType.STRING)
        @Column(name = "from_status")
        public Status fromStatus;
        @Enumerated(EnumType.STRING)
        @Column(name = "to_status")
        public Status toStatus;
        /** Text written to or about the denouncers, sealed as their identity is; never in the summary. */
        @Column(name = "denouncer_note_sealed")
        public byte[] denouncerNoteSealed;

        public static List<Step> of(UUID denunciationId) {
            return list("denunciationId = ?1 order by id", denunciationId);
        }
    }
}
