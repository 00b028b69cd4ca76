package vn.ktgs.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@value EventTypes#DISCIPLINE_DECIDED} and {@value EventTypes#DISCIPLINE_AMENDED} on {@value Topics#DISCIPLINE},
 * keyed by the case: a discipline decision was announced and took effect, or an appeal's decision changed it.
 *
 * @param subjectType MEMBER or ORG_UNIT
 * @param subjectOrgUnitId the organisation disciplined, or the member's unit
 * @param decidingBody CELL, COMMITTEE, STANDING_COMMITTEE or INSPECTION_COMMISSION
 * @param form REPRIMAND, WARNING, REMOVAL_FROM_POST, EXPULSION or DISSOLUTION
 * @param effectUntil the last day in effect; null for expulsion and dissolution, which do not end
 * @param appealWindowEnds the last day to appeal, by the rule set in force
 * @param amendment null when decided; UPHELD, CHANGED or ANNULLED when amended after an appeal
 */
public record DisciplineDecided(UUID caseId, String subjectType, UUID subjectMemberId, UUID subjectOrgUnitId, UUID decidingUnitId,
                                String decidingBody, String form, String decisionNumber, LocalDate decidedOn, LocalDate announcedOn,
                                LocalDate effectUntil, LocalDate appealWindowEnds, String ruleSetId, String amendment, Origin origin) {
}
