package vn.ktgs.planning.member;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ktgs.planning.member.MemberCodes.Status;
import vn.ktgs.planning.member.MemberRequests.CommitteePost;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Members as the API shows them. */
public final class MemberViews {
    private MemberViews() {
    }

    /** {@code citizenId} is masked ({@code ********9012}) unless the caller is an admin at or above the member's unit. */
    public record MemberView(UUID id, String cardNumber, String citizenId, String fullName, UUID unitId, Status status,
                             LocalDate admittedDate, LocalDate officialDate, LocalDate statusSince,
                             List<CommitteePost> committeePosts, String statePosition, UUID managingUnitId, boolean retired,
                             long version, Instant createdAt, Instant updatedAt) {
        static MemberView of(Member m, String citizenId) {
            return new MemberView(m.id, m.cardNumber, citizenId, m.fullName, m.unitId, m.status, m.admittedDate, m.officialDate,
                    m.statusSince, m.committeePosts, m.statePosition, m.managingUnitId, m.retired, m.version, m.createdAt,
                    m.updatedAt);
        }
    }

    /** One change: {@code changes} maps each field to {from, to}; a transfer names the unit left and the one joined. */
    public record HistoryEntry(long version, String action, UUID fromUnitId, UUID toUnitId, JsonNode changes,
                               String reason, String actor, String requestId, Instant at) {
        static HistoryEntry of(MemberHistory h) {
            return new HistoryEntry(h.version, h.action, h.fromUnitId, h.toUnitId, MemberJson.tree(h.changes), h.reason, h.actor, h.requestId, h.at);
        }
    }

    /** What an import did: every row was applied (a bad row fails the whole batch with 422 instead). */
    public record ImportReport(int rows, int created, int updated, int unchanged) {
    }
}
