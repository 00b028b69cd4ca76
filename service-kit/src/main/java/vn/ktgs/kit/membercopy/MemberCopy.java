package vn.ktgs.kit.membercopy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * This service's copy of a party member of the directory, kept by {@link MemberCopyHandler} from
 * {@code ktgs.members.v1}. Authority rules read the status, the seats and the managing unit; scope
 * follows {@link #unitId} through the org copy, which may learn of the unit only later.
 */
@Entity
@Table(name = "kit_member_copy")
public class MemberCopy extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "card_number")
    public String cardNumber;
    @Column(name = "full_name")
    public String fullName;
    @Column(name = "unit_id")
    public UUID unitId;
    public String status;
    @Column(name = "status_since")
    public LocalDate statusSince;
    /** Eager: every reader of a member asks about its seats, and readers run outside transactions. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "kit_member_copy_post", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "seq")
    public List<Seat> committeePosts = new ArrayList<>();
    @Column(name = "state_position")
    public String statePosition;
    @Column(name = "managing_unit_id")
    public UUID managingUnitId;
    public boolean retired;
    /** The directory's version of the member: only a newer one overwrites. */
    public long version;
    @Column(name = "changed_at")
    public Instant changedAt;

    /** A seat on a party body of a unit (COMMITTEE, STANDING_COMMITTEE, UBKT, CELL_COMMITTEE). */
    @Embeddable
    public static class Seat {
        @Column(name = "unit_id")
        public UUID unitId;
        public String body;
        public String post;
        @Column(name = "term_start")
        public LocalDate termStart;
        @Column(name = "term_end")
        public LocalDate termEnd;
    }
}
