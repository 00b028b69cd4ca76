package vn.ktgs.inspection.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ktgs.inspection.inspection.InspectionCodes.DecidingBody;
import vn.ktgs.inspection.inspection.InspectionCodes.Field;
import vn.ktgs.inspection.inspection.InspectionCodes.Kind;
import vn.ktgs.inspection.inspection.InspectionCodes.OriginType;
import vn.ktgs.inspection.inspection.InspectionCodes.PublicationScope;
import vn.ktgs.inspection.inspection.InspectionCodes.SubjectType;
import vn.ktgs.inspection.inspection.InspectionCodes.TeamRole;
import vn.ktgs.inspection.inspection.InspectionCodes.VerificationKind;
import vn.ktgs.kit.text.SingleLine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bodies of the inspection endpoints. Format rules here (400); rules of the domain in {@link InspectionRules} (422). */
public final class InspectionRequests {
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private InspectionRequests() {
    }

    /**
     * A new inspection or supervision, or its whole content while PLANNED. {@code decidingUnitId} defaults to the
     * caller's unit; {@code planItemId} names the item of an approved plan it carries out.
     */
    public record Draft(
            @NotNull Kind kind,
            UUID decidingUnitId,
            @NotNull DecidingBody decidingBody,
            @NotBlank @Size(max = 500) @SingleLine String title,
            @NotBlank @Size(max = 8000) String content,
            LocalDate periodFrom,
            LocalDate periodTo,
            @Size(max = 10) List<@NotNull Field> fields,
            UUID planItemId,
            @Valid OriginRef origin,
            @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull SubjectRef> subjects) {
    }

    /** An org unit of the directory, or a member of the directory by id. */
    public record SubjectRef(@NotNull SubjectType type, UUID orgUnitId, UUID memberId) {
    }

    /** What caused it, when not a plan item: a denunciation, a higher body's directive, the body's own initiative. */
    public record OriginRef(@NotNull OriginType type, UUID id) {
    }

    /** The decision to inspect (quyết định kiểm tra): its number, date and the team. */
    public record Decision(
            @NotBlank @Size(max = 100) @SingleLine String decisionNumber,
            @NotNull LocalDate decisionDate,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull TeamMemberRef> team,
            @Size(max = 8000) String summary) {
    }

    /** A team member: a member of the directory by id, or a name (a cadre from outside the directory). */
    public record TeamMemberRef(UUID memberId, @Size(max = 300) @SingleLine String fullName, @NotNull TeamRole role) {
    }

    /**
     * The notice to the subject. A supervision's notice also carries its decision or plan (number, date) and team,
     * when it has them; an inspection's were given when it was decided.
     */
    public record Notice(
            @NotNull LocalDate on,
            @Size(max = 100) @SingleLine String decisionNumber,
            LocalDate decisionDate,
            @Size(max = 50) List<@Valid @NotNull TeamMemberRef> team,
            @Size(max = 8000) String summary) {
    }

    /** A step's record: the day, what happened, and the document (number or reference) if any. */
    public record StepRecord(
            @NotNull LocalDate on,
            @NotBlank @Size(max = 8000) String summary,
            @Size(max = 300) @SingleLine String document) {
    }

    public record VerificationEntry(
            @NotNull VerificationKind kind,
            @NotNull LocalDate on,
            @NotBlank @Size(max = 8000) String summary,
            @Size(max = 300) @SingleLine String reference) {
    }

    /**
     * The conclusion of the deciding body (an inspection) or the content of a supervision's result notice:
     * strengths, shortcomings, causes, responsibility; an inspection's violations; a supervision's signs of
     * violation; the shortcomings to remedy; a finance inspection's amounts.
     */
    public record Conclusion(
            @NotNull LocalDate concludedOn,
            @Size(max = 20000) String strengths,
            @Size(max = 20000) String shortcomings,
            @Size(max = 20000) String causes,
            @Size(max = 20000) String responsibility,
            @Size(max = 20000) String signsOfViolation,
            @Size(max = 500) List<@Valid @NotNull ViolationEntry> violations,
            @Size(max = 500) List<@Valid @NotNull RemediationEntry> remediation,
            @Valid Finance finance,
            @Valid NoticeContent notice) {
    }

    /**
     * A violation: whose (a subject, or a member of a subject unit), the act, the QĐ 69 article, the act's dates for
     * the limitation count (no end while it continues) and whether it warrants discipline.
     */
    public record ViolationEntry(
            UUID subjectOrgUnitId,
            UUID subjectMemberId,
            @NotBlank @Size(max = 8000) String act,
            @Size(max = 200) @SingleLine String article,
            @NotNull LocalDate actFrom,
            LocalDate actTo,
            boolean continuing,
            boolean warrantsDiscipline) {
    }

    /** A shortcoming the subject must remedy, by whom (a subject unit or member) and by when. */
    public record RemediationEntry(
            UUID ownerOrgUnitId,
            UUID ownerMemberId,
            @NotBlank @Size(max = 4000) String action,
            @NotNull LocalDate deadline) {
    }

    /** A party finance inspection's amounts, in đồng. */
    public record Finance(
            @NotNull @Min(0) @Max(MAX_AMOUNT) Long amountFound,
            @NotNull @Min(0) @Max(MAX_AMOUNT) Long amountToRecover) {
    }

    /** The conclusion notice (thông báo kết luận) or result notice: number, date, recipients, how widely published. */
    public record NoticeContent(
            @NotBlank @Size(max = 100) @SingleLine String noticeNumber,
            @NotNull LocalDate noticeDate,
            @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 300) @SingleLine String> recipients,
            @NotNull PublicationScope publicationScope) {
    }

    /**
     * Turns a supervision's signs of violation into an inspection proposal for the competent body: the supervising
     * unit or one above it (default: the supervising unit), with the subjects, at or below the supervising unit
     * (default: the supervision's).
     */
    public record Proposal(
            UUID competentUnitId,
            @NotNull DecidingBody decidingBody,
            @Size(max = 500) @SingleLine String title,
            @NotBlank @Size(max = 8000) String content,
            @Size(max = 200) List<@Valid @NotNull SubjectRef> subjects) {
    }

    public record Recovery(
            @NotNull LocalDate on,
            @NotNull @Min(1) @Max(MAX_AMOUNT) Long amount,
            @Size(max = 2000) String note) {
    }

    /** Why: to cancel. */
    public record Cancellation(@NotNull LocalDate on, @NotBlank @Size(max = 2000) String reason) {
    }
}
