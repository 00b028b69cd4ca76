package vn.ktgs.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@value EventTypes#PLAN_APPROVED} and {@value EventTypes#PLAN_AMENDED} on {@value Topics#PLANNING}:
 * the approved revision of a KT,GS plan with all its items. Item ids stay the same across revisions,
 * so an inspection that fulfils an item names it by {@code items[].id}.
 *
 * @param reason why the plan was amended; null for the first approval
 */
public record PlanApproved(
        UUID planId,
        int revision,
        UUID ownerUnitId,
        String kind,
        Integer year,
        Integer termStart,
        Integer termEnd,
        String title,
        String ruleSetId,
        String reason,
        Instant approvedAt,
        List<Item> items) {

    /** One planned inspection or supervision. */
    public record Item(UUID id, String activity, String kind, Subject subject, String content, String focus,
                       LocalDate periodFrom, LocalDate periodTo, String lead, String notes) {
    }

    /** An org unit ({@code ORG_UNIT}) or a party member ({@code MEMBER}) referred to by id, name and position. */
    public record Subject(String type, UUID orgUnitId, String memberId, String memberName, String memberPosition) {
    }
}
