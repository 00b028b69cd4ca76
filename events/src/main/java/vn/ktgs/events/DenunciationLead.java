package vn.ktgs.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@value EventTypes#DENUNCIATION_LEAD} on {@value Topics#COMPLAINTS}, keyed by the letter: an anonymous letter that is
 * not handled as a denunciation but names party members or organisations with a specific content, passed on as a lead
 * for an inspection on signs of violation (DOMAIN §7.7). It has no writer to protect, and carries none.
 */
public record DenunciationLead(UUID denunciationId, UUID handlingUnitId, LocalDate receivedOn, String content,
                               List<DenunciationConcluded.Accused> accused, Origin origin) {
}
