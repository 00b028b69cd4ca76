package vn.ktgs.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@value EventTypes#INSPECTION_REMEDIATION_OVERDUE} on {@value Topics#INSPECTION}, keyed by the inspection: a
 * remediation item (a shortcoming the subject must remedy) passed its deadline without being done. Emitted once
 * per item, on the first day after the deadline.
 *
 * @param ownerUnitId the unit that must remedy it (the subject's unit)
 * @param ownerMemberId the member who must remedy it, when a member subject does
 */
public record RemediationOverdue(UUID itemId, UUID inspectionId, UUID decidingUnitId, UUID ownerUnitId, UUID ownerMemberId,
                                 String action, LocalDate deadline, String status, Origin origin) {
}
