package vn.ktgs.complaints.denunciation;

import vn.ktgs.complaints.denunciation.DenunciationCodes.Outcome;
import vn.ktgs.complaints.denunciation.DenunciationCodes.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What the denunciation endpoints return: never the denouncers' identity, which only its audited read gives. */
public final class DenunciationViews {
    private DenunciationViews() {
    }

    public record AccusedView(int seq, String type, UUID memberId, UUID orgUnitId, String name) {
        static AccusedView of(Denunciation.Accused a) {
            return new AccusedView(a.seq, a.type, a.memberId, a.orgUnitId, a.name);
        }
    }

    /** {@code competentUnitId}: the unit that manages the accused (§3.4); a letter elsewhere is transferred there. */
    public record DenunciationView(UUID id, UUID handlingUnitId, String handlingBody, UUID competentUnitId, boolean competent, String channel, LocalDate receivedOn,
                                   LocalDate postmarkedOn, LocalDate receivedByCompetentOn, int denouncerCount, boolean anonymous,
                                   boolean signedInPerson, String content, List<String> evidence, List<AccusedView> accused,
                                   Status status, List<String> notHandledReasons, LocalDate dueOn, boolean overdue, Integer extendedBy,
                                   int teamSize, LocalDate withdrawnOn, Boolean withdrawalCoerced, Outcome outcome,
                                   String conclusion, LocalDate concludedOn, LocalDate notifiedOn, String ruleSetId, long version,
                                   Instant createdAt, Instant updatedAt) {
        static DenunciationView of(Denunciation d, LocalDate today) {
            List<Denunciation.Accused> accused = Denunciation.Accused.of(d.id);
            UUID competent = Denunciations.competentUnit(accused);
            return new DenunciationView(d.id, d.handlingUnitId, d.handlingBody, competent, d.handlingUnitId.equals(competent), d.channel, d.receivedOn, d.postmarkedOn,
                    d.receivedByCompetentOn, d.denouncerCount, d.denouncerCount == 0, d.signedInPerson, d.content,
                    Arrays.asList(d.evidence), accused.stream().map(AccusedView::of).toList(), d.status,
                    Arrays.asList(d.notHandledReasons), d.dueOn, d.status.open() && d.dueOn != null && today.isAfter(d.dueOn),
                    d.extendedBy, d.teamSubjects.length, d.withdrawnOn, d.withdrawalCoerced, d.outcome, d.conclusion, d.concludedOn, d.notifiedOn, d.ruleSetId, d.version, d.createdAt, d.updatedAt);
        }
    }

    public record StepView(String action, Status fromStatus, Status toStatus, LocalDate on, String summary, String actor, Instant at) {
        static StepView of(Denunciation.Step s) {
            return new StepView(s.action, s.fromStatus, s.toStatus, s.onDate, s.summary, s.actor, s.at);
        }
    }

    public record History(UUID id, List<StepView> steps) {
    }

    /** A step's text written to or about the denouncers, which only the audited identity read gives. */
    public record DenouncerNote(String action, LocalDate on, String note) {
    }
}
