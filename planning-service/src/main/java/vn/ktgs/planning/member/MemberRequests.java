package vn.ktgs.planning.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.ktgs.kit.text.SingleLine;
import vn.ktgs.planning.member.MemberCodes.Body;
import vn.ktgs.planning.member.MemberCodes.Post;
import vn.ktgs.planning.member.MemberCodes.Status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Bodies of the member endpoints and rows of an import. Format rules here (400); rules of the domain in {@link MemberRules} (422). */
public final class MemberRequests {
    private MemberRequests() {
    }

    /**
     * A member's whole record: a new member, the new content of one ({@code PUT}), or one row of an import.
     * {@code citizenId} is the 12-digit CCCD; {@code managingUnitId} (diện quản lý) defaults to the member's unit.
     */
    public record Details(
            @NotBlank @Size(max = 32) @SingleLine String cardNumber,
            @NotBlank @Size(max = 32) String citizenId,
            @NotBlank @Size(max = 200) @SingleLine String fullName,
            @NotNull UUID unitId,
            @NotNull Status status,
            LocalDate admittedDate,
            LocalDate officialDate,
            LocalDate statusSince,
            @Size(max = 20) List<@Valid @NotNull CommitteePost> committeePosts,
            @Size(max = 300) @SingleLine String statePosition,
            UUID managingUnitId,
            Boolean retired) {
    }

    /** A seat on a party body (cấp ủy, BTV, UBKT, chi ủy) of the member's unit or a unit above it. */
    public record CommitteePost(@NotNull UUID unitId, @NotNull Body body, @NotNull Post post, LocalDate termStart,
                                LocalDate termEnd) {
    }

    /** Moves a member to another unit (chuyển sinh hoạt đảng); the history keeps the unit it left. */
    public record Transfer(@NotNull UUID toUnitId, @Size(max = 2000) String reason) {
    }
}
