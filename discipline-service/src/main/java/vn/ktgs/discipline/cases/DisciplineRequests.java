package vn.ktgs.discipline.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.discipline.cases.DisciplineCodes.Exclusion;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.OriginType;
import vn.ktgs.discipline.cases.DisciplineCodes.SelfCriticism;
import vn.ktgs.discipline.cases.DisciplineCodes.Source;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.discipline.cases.DisciplineCodes.ViolationGroup;
import vn.ktgs.kit.text.SingleLine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bodies of the discipline endpoints. Format rules here (400); rules of the domain in {@link DisciplineRules} (422). */
public final class DisciplineRequests {
    private DisciplineRequests() {
    }

    /**
     * A new case, or its whole content while OPENED. The subject is a member or an org unit of the directory; the
     * deciding body is one of the caller's unit. {@code source} is how it came (an officer's proposal, a self-report,
     * a court or state decision; inspections and denunciations open theirs by event).
     */
    public record Draft(
            @NotNull SubjectType subjectType,
            UUID subjectMemberId,
            UUID subjectOrgUnitId,
            @NotNull Body decidingBody,
            @NotNull Source source,
            OriginType originType,
            UUID originId,
            @NotBlank @Size(max = 2000) String summary,
            Form proposedForm,
            boolean especiallySerious,
            boolean higherLevelTask,
            @Size(max = 20) List<@NotBlank @Size(max = 60) String> mitigating,
            @Size(max = 20) List<@NotBlank @Size(max = 60) String> aggravating,
            LocalDate decisionToInspectOn,
            LocalDate concludedOn,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull ActRef> acts) {
    }

    /** A violation act: what, the QĐ 69 article, its group, from when to when (no end while it continues). */
    public record ActRef(
            @NotBlank @Size(max = 4000) String act,
            @Size(max = 100) @SingleLine String article,
            @NotNull ViolationGroup group,
            @NotNull LocalDate actFrom,
            LocalDate actTo,
            boolean continuing,
            @Size(max = 60) @SingleLine String exemptKind) {
    }

    /** A deferral (§6): its ground from the rule set, the day decided and until when. */
    public record Deferral(@NotBlank @Size(max = 60) String ground, @NotNull LocalDate on, @NotNull LocalDate until,
                           @Size(max = 4000) String summary, @Size(max = 300) @SingleLine String document) {
    }

    /** A step's record: the day, what happened, the document. */
    public record StepRecord(@NotNull LocalDate on, @Size(max = 8000) String summary, @Size(max = 300) @SingleLine String document) {
    }

    /**
     * The self-criticism (kiểm điểm): made, with the form the member proposed for themself, or refused / impossible,
     * which needs the document that records it.
     */
    public record SelfCriticismRecord(@NotNull SelfCriticism outcome, @NotNull LocalDate on, Form proposedForm,
                                      @Size(max = 8000) String summary, @Size(max = 300) @SingleLine String document) {
    }

    /** The hearing: a representative of the competent body heard the subject. */
    public record Hearing(@NotNull LocalDate on, @NotBlank @Size(max = 300) @SingleLine String heardBy,
                          @Size(max = 8000) String summary, @Size(max = 300) @SingleLine String document) {
    }

    /**
     * The secret ballot (bỏ phiếu kín): the official members of the cell or members of the body, those left out of the
     * denominator (only when absent), and the yes votes per form.
     */
    public record Ballot(
            @NotNull LocalDate on,
            @NotNull Boolean secret,
            @NotNull @Min(1) @Max(100000) Integer official,
            @Size(max = 2) List<@Valid @NotNull Excluded> excluded,
            @NotNull @Size(min = 1, max = 5) List<@Valid @NotNull FormVotes> votes,
            @Size(max = 300) @SingleLine String document) {
    }

    public record Excluded(@NotNull Exclusion reason, @NotNull @Min(1) @Max(100000) Integer members) {
    }

    public record FormVotes(@NotNull Form form, @NotNull @Min(0) @Max(100000) Integer yes) {
    }

    /** The decision (quyết định kỷ luật): its number and date. The form is the vote's. */
    public record Decision(@NotBlank @Size(max = 100) @SingleLine String decisionNumber, @NotNull LocalDate on,
                           @Size(max = 8000) String summary) {
    }
}
