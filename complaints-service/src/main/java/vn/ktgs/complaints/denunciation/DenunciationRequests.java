package vn.ktgs.complaints.denunciation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ktgs.complaints.denunciation.DenunciationCodes.Channel;
import vn.ktgs.complaints.denunciation.DenunciationCodes.Outcome;
import vn.ktgs.kit.text.SingleLine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bodies of the denunciation endpoints. */
public final class DenunciationRequests {
    private DenunciationRequests() {
    }

    /**
     * A letter received by a body of the caller's unit: its channel and dates (received, postmark, received by the competent body: the clock's start),
     * the denouncers as they signed (none for an anonymous letter), the accused from the directory, content and evidence.
     */
    public record Intake(
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "CELL|COMMITTEE|STANDING_COMMITTEE|INSPECTION_COMMISSION",
                    message = "the handling body is CELL, COMMITTEE, STANDING_COMMITTEE or INSPECTION_COMMISSION") String handlingBody,
            @NotNull Channel channel,
            @NotNull LocalDate receivedOn,
            LocalDate postmarkedOn,
            @NotNull LocalDate receivedByCompetentOn,
            @Size(max = 20) List<@Valid @NotNull Denouncer> denouncers,
            boolean signedInPerson,
            @NotBlank @Size(max = 20000) String content,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> evidence,
            @Size(max = 50) List<@Valid @NotNull AccusedRef> accused) {
    }

    /** A denouncer's identity: sealed at rest, never logged, listed or sent anywhere. */
    public record Denouncer(@NotBlank @Size(max = 300) @SingleLine String fullName, @Size(max = 500) @SingleLine String address,
                            @Size(max = 50) @SingleLine String phone, @Size(max = 20) @SingleLine String citizenId, UUID memberId,
                            @Size(max = 20) List<@NotNull UUID> relatedMemberIds) {
    }

    /** The handling team: each by login name (who may read the identity) and, for a party member, directory id. */
    public record Team(@NotNull LocalDate on, @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull TeamMember> members) {
    }

    public record TeamMember(@NotBlank @Size(max = 200) @SingleLine String subject, UUID memberId) {
    }

    /** The competent body the letter goes to, and the day it receives it: the clock starts then. */
    public record Transfer(@NotNull UUID toUnitId,
                           @NotNull @jakarta.validation.constraints.Pattern(regexp = "CELL|COMMITTEE|STANDING_COMMITTEE|INSPECTION_COMMISSION",
                                   message = "the handling body is CELL, COMMITTEE, STANDING_COMMITTEE or INSPECTION_COMMISSION") String handlingBody,
                           @NotNull LocalDate receivedByCompetentOn) {
    }

    /** One extension of the deadline, noticed to the denouncer. */
    public record Extension(@NotNull LocalDate on, @NotNull @jakarta.validation.constraints.Min(1) Integer workingDays,
                            @NotBlank @Size(max = 300) @SingleLine String noticeToDenouncer) {
    }

    /**
     * The denouncer withdraws; {@code coerced}: the withdrawal came from threats, coercion or bribery, so handling goes on.
     * {@code summary}: the denouncer's reasons, sealed as the identity is.
     */
    public record Withdrawal(@NotNull LocalDate on, boolean coerced, @Size(max = 8000) String summary) {
    }

    /** {@code relatedMemberIds}: the accused's relatives and others close to them (§7.8), who may not handle the letter. */
    public record AccusedRef(@NotNull String type, UUID memberId, UUID orgUnitId, @Size(max = 20) List<@NotNull UUID> relatedMemberIds) {
    }

    /** The screening's findings that the letter alone does not show (DOMAIN §7.7); the rest is read from the letter. */
    /** {@code alsoAppeals}: the letter also appeals a discipline decision, so only the appeal is handled (HD 02, 2.4). */
    public record Screening(@NotNull LocalDate on, boolean impersonated, boolean noClearAddress, boolean repeatWithoutNewEvidence,
                            boolean noSpecificContent, boolean noLegalCapacity, boolean alsoAppeals, @Size(max = 8000) String summary) {
    }

    /** The conclusion, and for each accused (by position) whether it warrants discipline and the violations found. */
    public record Conclusion(@NotNull Outcome outcome, @NotNull LocalDate on, @NotBlank @Size(max = 20000) String conclusion,
                             @Size(max = 50) List<@Valid @NotNull AccusedFinding> findings) {
    }

    public record AccusedFinding(int accused, boolean warrantsDiscipline, @Size(max = 50) List<@Valid @NotNull ViolationRef> violations) {
    }

    public record ViolationRef(@NotBlank @Size(max = 4000) String act, @Size(max = 100) @SingleLine String article,
                               @NotNull LocalDate actFrom, LocalDate actTo, boolean continuing) {
    }

    public record StepRecord(@NotNull LocalDate on, @Size(max = 8000) String summary) {
    }
}
