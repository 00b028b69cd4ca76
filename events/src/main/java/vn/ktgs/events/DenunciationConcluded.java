package vn.ktgs.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@value EventTypes#DENUNCIATION_CONCLUDED} on {@value Topics#COMPLAINTS}, keyed by the denunciation: the handling
 * body concluded a denunciation. A founded (or partly founded) one proposes discipline for each accused whose
 * violations warrant it: discipline-service opens a case with source DENUNCIATION before the handling body.
 * It never carries the denouncer's identity or the letter itself.
 *
 * @param handlingBody CELL, COMMITTEE, STANDING_COMMITTEE or INSPECTION_COMMISSION of {@code handlingUnitId}
 * @param outcome FOUNDED (tố cáo đúng), PARTLY_FOUNDED (đúng một phần) or UNFOUNDED (sai)
 */
public record DenunciationConcluded(UUID denunciationId, UUID handlingUnitId, String handlingBody, String outcome, LocalDate concludedOn,
                                    List<Accused> accused, Origin origin) {

    /**
     * A member or party organisation denounced.
     *
     * @param type MEMBER or ORG_UNIT
     * @param orgUnitId the organisation, or the member's unit
     */
    public record Accused(String type, UUID memberId, UUID orgUnitId, String name, boolean warrantsDiscipline, List<Violation> violations) {
    }

    /** A violation the conclusion found: the act, its QĐ 69 article and dates (no end while it continues). */
    public record Violation(String act, String article, LocalDate actFrom, LocalDate actTo, boolean continuing) {
    }
}
