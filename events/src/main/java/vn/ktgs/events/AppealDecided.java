package vn.ktgs.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@value EventTypes#APPEAL_DECIDED} on {@value Topics#COMPLAINTS}, keyed by the appeal: the body handling an appeal
 * against a discipline decision upheld it, changed its form, or annulled it; or, after {@link AppealFiled}, found it
 * inadmissible (REJECTED), which leaves the decision as it was. Discipline-service applies it to the case.
 *
 * @param caseId the discipline case whose decision was appealed
 * @param outcome UPHELD, CHANGED, ANNULLED or REJECTED
 * @param newForm the form the appeal decided on when CHANGED; null otherwise
 * @param decidedOn the date of the appeal decision: the effect runs 12 months from it
 */
public record AppealDecided(UUID appealId, UUID caseId, String outcome, String newForm, LocalDate decidedOn, UUID decidingUnitId,
                            String decidingBody, Origin origin) {
}
