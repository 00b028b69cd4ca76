package vn.ktgs.complaints.appeal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ktgs.complaints.appeal.AppealCodes.Outcome;
import vn.ktgs.kit.text.SingleLine;

import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the appeal endpoints. Format rules here (400); the rules of §3.3 and §7.6 in {@link AppealRules}. */
public final class AppealRequests {
    private AppealRequests() {
    }

    /**
     * An appeal received by the caller's body: the decision (its discipline case), who appeals and whether they signed it
     * themselves, when they received the written decision (or refused it), the postmark and/or direct filing, the day the
     * handling body received it, and the declared facts §7.6 turns on.
     */
    public record Filing(
            @NotNull UUID caseId,
            UUID appellantMemberId,
            @NotBlank @Size(max = 300) @SingleLine String appellantName,
            @NotNull Boolean filedBySubject,
            LocalDate decisionReceivedOn,
            boolean refusedDecision,
            boolean courtSentence,
            boolean movedBeforeFiling,
            LocalDate postmarkedOn,
            LocalDate filedDirectlyOn,
            @NotNull LocalDate receivedOn,
            @NotBlank @Size(max = 8000) String content) {
    }

    public record StepRecord(@NotNull LocalDate on, @Size(max = 8000) String summary) {
    }

    /** The decision on the appeal: upheld, changed (to {@code newForm}) or annulled. */
    public record Decision(@NotNull Outcome outcome, @Size(max = 40) String newForm, @NotBlank @Size(max = 100) @SingleLine String decisionNumber,
                           @NotNull LocalDate on, @Size(max = 8000) String summary) {
    }
}
