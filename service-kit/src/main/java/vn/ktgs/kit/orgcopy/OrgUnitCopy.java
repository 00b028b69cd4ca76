package vn.ktgs.kit.orgcopy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * This service's copy of an org unit of the directory, kept by {@link OrgUnitCopyHandler} from
 * {@code ktgs.org-units.v1}. Scope checks and subtree filters of the consuming services read it.
 */
@Entity
@Table(name = "kit_org_unit_copy")
public class OrgUnitCopy extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "parent_id")
    public UUID parentId;
    /** '/' + ancestor ids + own id + '/', C collation. */
    public String path;
    public String code;
    public String name;
    public String level;
    @Column(name = "has_ubkt")
    public boolean hasUbkt;
    @Column(name = "has_btv")
    public boolean hasBtv;
    @Column(name = "authorised_to_admit")
    public boolean authorisedToAdmit;
    public boolean active;
    /** The directory's version of the unit: only a newer one overwrites. */
    public long version;
    @Column(name = "changed_at")
    public Instant changedAt;

    /** Root first, without the unit itself. */
    public List<UUID> ancestorIds() {
        return OrgSubtree.ancestorIdsOf(path);
    }

    /** True if {@code other} is this unit or lies below it. */
    public boolean contains(OrgUnitCopy other) {
        return other != null && other.path.startsWith(path);
    }

    public OrgSubtree subtree() {
        return new OrgSubtree(path);
    }

    static String pathOf(List<UUID> ancestorIds, UUID id) {
        StringBuilder p = new StringBuilder("/");
        ancestorIds.forEach(a -> p.append(a).append('/'));
        return p.append(id).append('/').toString();
    }
}
