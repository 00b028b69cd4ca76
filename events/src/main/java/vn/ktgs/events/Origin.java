package vn.ktgs.events;

import java.util.UUID;

/**
 * What caused an aggregate (ARCHITECTURE §4.1): the {@code type} and {@code id} of the plan item, supervision,
 * inspection, denunciation, discipline case or appeal it came from, so that one matter can be followed end to end.
 *
 * @param type PLAN_ITEM, SUPERVISION, INSPECTION, DENUNCIATION, DISCIPLINE_CASE, APPEAL; or DIRECTIVE (a higher
 *             body's instruction) and OWN_INITIATIVE, which have no id
 */
public record Origin(String type, UUID id) {
}
