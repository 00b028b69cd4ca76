package vn.ktgs.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@value EventTypes#DISCIPLINE_EFFECT_ENDED} on {@value Topics#DISCIPLINE}, keyed by the case: a decision's effect
 * ended by itself (12 months after its announcement), and with it the restrictions it put on the member.
 */
public record DisciplineEffectEnded(UUID caseId, String subjectType, UUID subjectMemberId, UUID subjectOrgUnitId,
                                    UUID decidingUnitId, String form, LocalDate announcedOn, LocalDate endedOn, Origin origin) {
}
