package vn.ktgs.planning.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
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
        String[] ids = path.substring(1, path.length() - 1).split("/");
        return Arrays.stream(ids, 0, ids.length - 1).map(UUID::fromString).toList();
    }

    /** True for this unit and every unit below it. */
    public boolean contains(OrgUnit other) {
        return other.path.startsWith(path);
    }

    /**
     * The least path greater than every path in this unit's subtree: with {@link #path} it bounds the
     * subtree as a range ({@code path >= this.path and path < bound}), which an index serves even in a
     * prepared statement's generic plan, where {@code LIKE ?} cannot use it.
     */
    public String subtreeBound() {
        return path.substring(0, path.length() - 1) + (char) ('/' + 1);
    }

    static String childPath(OrgUnit parent, UUID id) {
        return (parent == null ? "/" : parent.path) + id + "/";
    }
}
