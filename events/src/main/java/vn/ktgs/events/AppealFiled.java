package vn.ktgs.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@value EventTypes#APPEAL_FILED} on {@value Topics#COMPLAINTS}, keyed by the appeal: an appeal against a discipline
 * decision was accepted for handling. While it is pending the decision stays in force (ĐL Đ39.9) but its effect does
 * not end by itself (DOMAIN §6); {@link AppealDecided} ends the wait.
 *
 * @param caseId the discipline case whose decision is appealed
 * @param handlingBody COMMITTEE, STANDING_COMMITTEE or INSPECTION_COMMISSION of {@code handlingUnitId}
 */
public record AppealFiled(UUID appealId, UUID caseId, LocalDate receivedOn, UUID handlingUnitId, String handlingBody, Origin origin) {
}
