package vn.ktgs.planning.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ktgs.kit.text.SingleLine;
import vn.ktgs.planning.plan.PlanCodes.Activity;
import vn.ktgs.planning.plan.PlanCodes.ItemKind;
import vn.ktgs.planning.plan.PlanCodes.Kind;
import vn.ktgs.planning.plan.PlanCodes.PeriodType;
import vn.ktgs.planning.plan.PlanCodes.SubjectType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bodies of the plan endpoints. Format rules here (400); rules of the domain in {@link PlanRules} (422). */
public final class PlanRequests {
    private PlanRequests() {
    }

    /** A new plan, or the whole new content of a draft. {@code ownerUnitId} defaults to the caller's unit. */
    public record Draft(
            UUID ownerUnitId,
            @NotNull Kind kind,
            Integer year,
            Integer termStart,
            Integer termEnd,
            @NotBlank @Size(max = 500) @SingleLine String title,
            @NotNull @Size(max = 1000) List<@Valid @NotNull Item> items) {
    }

    /** {@code id} keeps an item's identity across edits and revisions; leave it out for a new item. */
    public record Item(
            UUID id,
            Activity activity,
            @NotNull ItemKind kind,
            @NotNull @Valid Subject subject,
            @NotBlank @Size(max = 4000) String content,
            @Size(max = 4000) String focus,
            @NotNull @Valid Period period,
            @Size(max = 500) String lead,
            @Size(max = 4000) String notes) {
    }

    /** An org unit, or a party member by reference (the member's own unit in {@code orgUnitId}). */
    public record Subject(
            @NotNull SubjectType type,
            @NotNull UUID orgUnitId,
            @Size(max = 64) String memberId,
            @Size(max = 300) @SingleLine String memberName,
            @Size(max = 300) String memberPosition) {
    }

    /** MONTH (year, month), QUARTER (year, quarter) or RANGE (from, to); year defaults to an annual plan's. */
    public record Period(@NotNull PeriodType type, Integer year, Integer month, Integer quarter, LocalDate from, LocalDate to) {
    }

    /** Why: required to return a plan or to amend an approved one. */
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    /** An amendment: the reason, and the new content (the approved revision's content when left out). */
    public record Amendment(@NotBlank @Size(max = 2000) String reason, @Valid Draft content) {
    }
}
