package vn.ktgs.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value EventTypes#INSPECTION_SCHEDULED}, {@value EventTypes#INSPECTION_STARTED} and
 * {@value EventTypes#INSPECTION_CONCLUDED} on {@value Topics#INSPECTION}: an inspection or supervision
 * moved on. {@code planItemId} names the plan item it carries out, if any.
 *
 * @param kind one of DOMAIN §1's kinds, e.g. THEMATIC_INSPECTION, REGULAR_SUPERVISION
 * @param origin what caused it (a plan item, a supervision, a denunciation...)
 */
public record InspectionProgress(UUID inspectionId, UUID planId, UUID planItemId, UUID ownerUnitId, Instant occurredAt,
                                 String kind, Origin origin) {
}
