package vn.ktgs.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value EventTypes#ORG_UNIT_UPSERTED} on {@value Topics#ORG_UNITS}: the whole current state of one
 * org unit (party body), emitted on every change. It carries the unit's ancestors (root first), so a
 * consumer can answer scope questions without waiting for the parents' events; {@code version} grows
 * with every change, so a consumer keeps the newest state whatever order it sees them in.
 */
public record OrgUnitUpserted(
        UUID id,
        String code,
        String name,
        String level,
        UUID parentId,
        List<UUID> ancestorIds,
        boolean hasUbkt,
        boolean hasBtv,
        boolean authorisedToAdmit,
        boolean active,
        long version,
        Instant changedAt) {
}
