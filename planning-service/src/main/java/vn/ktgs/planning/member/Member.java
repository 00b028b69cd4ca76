package vn.ktgs.planning.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import vn.ktgs.kit.text.VietnameseText;
import vn.ktgs.planning.member.MemberCodes.Status;
import vn.ktgs.planning.member.MemberRequests.CommitteePost;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A party member (đảng viên) in the directory. Changed only through {@link Members} and {@link MemberImport}. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "card_number")
    public String cardNumber;
    /** AES-GCM, see {@link MemberCitizenIds}. */
    @Column(name = "citizen_id_sealed")
    public byte[] citizenIdSealed;
    @Column(name = "citizen_id_index")
    public String citizenIdIndex;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "full_name_folded")
    public String fullNameFolded;
    @Column(name = "unit_id")
    public UUID unitId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "admitted_date")
    public LocalDate admittedDate;
    @Column(name = "official_date")
    public LocalDate officialDate;
    @Column(name = "status_since")
    public LocalDate statusSince;
    @Convert(converter = MemberJson.Posts.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "committee_posts")
    public List<CommitteePost> committeePosts;
    @Column(name = "state_position")
    public String statePosition;
    @Column(name = "managing_unit_id")
    public UUID managingUnitId;
    public boolean retired;
    /** Grows by one with every change: the ETag and the event's version. */
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    MemberState state() {
        return new MemberState(cardNumber, citizenIdIndex, fullName, unitId, status, admittedDate, officialDate, statusSince,
                List.copyOf(committeePosts), statePosition, managingUnitId, retired);
    }

    void apply(MemberState s) {
        cardNumber = s.cardNumber();
        citizenIdIndex = s.citizenIdIndex();
        fullName = s.fullName();
        fullNameFolded = VietnameseText.fold(s.fullName());
        unitId = s.unitId();
        status = s.status();
        admittedDate = s.admittedDate();
        officialDate = s.officialDate();
        statusSince = s.statusSince();
        committeePosts = s.committeePosts();
        statePosition = s.statePosition();
        managingUnitId = s.managingUnitId();
        retired = s.retired();
    }
}
