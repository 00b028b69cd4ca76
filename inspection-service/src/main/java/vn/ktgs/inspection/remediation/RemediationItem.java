package vn.ktgs.inspection.remediation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.ktgs.inspection.inspection.InspectionCodes.RemediationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A shortcoming a subject must remedy by a deadline (khắc phục hạn chế, khuyết điểm), from a conclusion. */
@Entity
@Table(name = "remediation_item")
public class RemediationItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "inspection_id")
    public UUID inspectionId;
    public int seq;
    @Column(name = "owner_unit_id")
    public UUID ownerUnitId;
    @Column(name = "owner_member_id")
    public UUID ownerMemberId;
    public String action;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public RemediationStatus status;
    @Column(name = "done_on")
    public LocalDate doneOn;
    @Column(name = "overdue_noticed_at")
    public Instant overdueNoticedAt;
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<RemediationItem> of(UUID inspectionId) {
        return list("inspectionId = ?1 order by seq", inspectionId);
    }

    /** Not done and past its deadline: a period ends at the end of its last day (DOMAIN §6). */
    public boolean overdueOn(LocalDate today) {
        return status != RemediationStatus.DONE && today.isAfter(deadline);
    }
}
