package vn.ktgs.inspection.remediation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.ktgs.inspection.inspection.InspectionCodes.RemediationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A subject's report on a remediation item: what was done, and the status it reached. */
@Entity
@Table(name = "remediation_report")
public class RemediationReport extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "on_date")
    public LocalDate onDate;
    @Enumerated(EnumType.STRING)
    public RemediationStatus status;
    public String summary;
    public String actor;
    public Instant at;

    public static List<RemediationReport> of(UUID itemId) {
        return list("itemId = ?1 order by id", itemId);
    }
}
