package vn.ktgs.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@value EventTypes#INSPECTION_VIOLATION_FOUND} on {@value Topics#INSPECTION}, keyed by the inspection: a
 * conclusion found that a subject's violation warrants discipline. Discipline-service opens a case with source
 * INSPECTION from it. It carries what the limitation count needs (DOMAIN §6): the act's dates, whether it
 * continues, and both end-points (the decision to inspect for the legacy rule set, the conclusion for QĐ 69).
 *
 * @param subjectType ORG_UNIT or MEMBER
 * @param subjectMemberId the member's directory id when the subject is a member
 * @param article the QĐ 69 article the act falls under, if the conclusion names it
 * @param actTo the act's last day; null while it continues
 * @param decidedOn the date of the decision to inspect
 * @param concludedOn the date the deciding body concluded
 * @param origin always {@code INSPECTION} with the inspection's id
 */
public record InspectionViolationFound(UUID violationId, UUID inspectionId, String inspectionKind, UUID decidingUnitId,
                                       String decidingBody, String subjectType, UUID subjectOrgUnitId, UUID subjectMemberId,
                                       String subjectName, String act, String article, LocalDate actFrom, LocalDate actTo,
                                       boolean continuing, LocalDate decidedOn, LocalDate concludedOn, String ruleSetId,
                                       Origin origin) {
}
