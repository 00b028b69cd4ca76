package vn.ktgs.planning.org;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An org unit as the API shows it. */
public record OrgUnitView(UUID id, String code, String name, String level, UUID parentId, List<UUID> ancestorIds,
                          boolean hasUbkt, boolean hasBtv, boolean authorisedToAdmit, boolean active, long version,
                          Instant createdAt, Instant updatedAt) {
    static OrgUnitView of(OrgUnit u) {
        return new OrgUnitView(u.id, u.code, u.name, u.level, u.parentId, u.ancestorIds(), u.hasUbkt, u.hasBtv,
                u.authorisedToAdmit, u.active, u.version, u.createdAt, u.updatedAt);
    }
}
