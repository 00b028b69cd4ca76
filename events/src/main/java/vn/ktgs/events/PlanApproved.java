package vn.ktgs.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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

    /**
     * An org unit ({@code ORG_UNIT}) or a party member ({@code MEMBER}) referred to by id, name and position. A member's
     * id is a directory id (/api/v1/members) or, in older plans, free text kept as given.
     */
    public record Subject(String type, UUID orgUnitId, String memberId, String memberName, String memberPosition) {
        private static final Pattern DIRECTORY_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        /** Whether a member id names a member of the directory, not an older plan's free text. */
        public static boolean isDirectoryId(String memberId) {
            return memberId != null && DIRECTORY_ID.matcher(memberId.strip()).matches();
        }
    }
}
