package vn.ktgs.planning.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.ktgs.kit.orgcopy.OrgSubtree;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A party body in the directory (tổ chức đảng). Changed only through {@link OrgDirectory}. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    @Column(name = "name_folded")
    public String nameFolded;
    public String level;
    @Column(name = "parent_id")
    public UUID parentId;
    /** '/' + ancestor ids + own id + '/'. */
    public String path;
    @Column(name = "has_ubkt")
    public boolean hasUbkt;
    @Column(name = "has_btv")
    public boolean hasBtv;
    @Column(name = "authorised_to_admit")
    public boolean authorisedToAdmit;
    public boolean active;
    /** Grows by one with every change; the If-Match/ETag value and the event's version. */
    public long version;
    @Column(name = "announced_version")
    public Long announcedVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Root first, without the unit itself. */
    public List<UUID> ancestorIds() {
        return OrgSubtree.ancestorIdsOf(path);
    }

    /** True for this unit and every unit below it. */
    public boolean contains(OrgUnit other) {
        return other.path.startsWith(path);
    }

    /** This unit and everything below it, for subtree queries over the path index. */
    public OrgSubtree subtree() {
        return new OrgSubtree(path);
    }

    /** The least path greater than every path in this unit's subtree (see {@link OrgSubtree#bound()}). */
    public String subtreeBound() {
        return subtree().bound();
    }

    static String childPath(OrgUnit parent, UUID id) {
        return (parent == null ? "/" : parent.path) + id + "/";
    }
}
