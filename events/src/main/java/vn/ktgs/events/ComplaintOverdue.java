package vn.ktgs.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@value EventTypes#DENUNCIATION_OVERDUE} and {@value EventTypes#APPEAL_OVERDUE} on {@value Topics#COMPLAINTS}, keyed
 * by the letter: its statutory deadline passed before it was resolved (a late answer is itself a violation), announced
 * once. Never the denouncer.
 *
 * @param handlingBody CELL, COMMITTEE, STANDING_COMMITTEE or INSPECTION_COMMISSION of {@code handlingUnitId}
 * @param status the letter's status when the deadline passed
 */
public record ComplaintOverdue(UUID id, UUID handlingUnitId, String handlingBody, LocalDate dueOn, String status, Origin origin) {
}
