package vn.ktgs.planning.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** One change to a member: who, when, what. Append-only. */
@Entity
@Table(name = "member_history")
public class MemberHistory extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "member_id")
    public UUID memberId;
    public long version;
    /** CREATED, UPDATED, TRANSFERRED or IMPORTED. */
    public String action;
    @Column(name = "from_unit_id")
    public UUID fromUnitId;
    @Column(name = "to_unit_id")
    public UUID toUnitId;
    /** JSON: field → {from, to}. */
    @ColumnTransformer(write = "?::jsonb")
    public String changes;
    public String reason;
    public String actor;
    @Column(name = "request_id")
    public String requestId;
    public Instant at;
}
