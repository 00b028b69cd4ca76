package vn.ktgs.planning.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Set;

/** A level type of the party organisation (cấp): its labels, capabilities and the levels it may sit under. */
@Entity
@Table(name = "org_level")
public class OrgLevel extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "label_vi")
    public String labelVi;
    @Column(name = "label_en")
    public String labelEn;
    @Column(name = "sort_order")
    public int sortOrder;
    @Column(name = "may_have_ubkt")
    public boolean mayHaveUbkt;
    @Column(name = "staff_agency")
    public boolean staffAgency;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    public String regulation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "org_level_parent", joinColumns = @JoinColumn(name = "level_code"))
    @Column(name = "parent_level_code")
    public Set<String> parentLevels;

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean fitsUnder(String parentLevel) {
        return parentLevels.contains(parentLevel);
    }
}
