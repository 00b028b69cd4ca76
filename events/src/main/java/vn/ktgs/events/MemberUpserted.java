package vn.ktgs.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@value EventTypes#MEMBER_UPSERTED} on {@value Topics#MEMBERS}: the whole current state of one party
 * member (đảng viên), emitted on every change, including a transfer to another unit. It carries only what
 * authority and scope rules need: never the citizen ID (CCCD), contact data or other personal details.
 * {@code version} grows with every change, so a consumer keeps the newest state whatever order it sees.
 *
 * @param status PROBATIONARY (dự bị), OFFICIAL (chính thức), SUSPENDED (đình chỉ sinh hoạt), EXPELLED (khai trừ),
 *               STRUCK_OFF (xóa tên), DECEASED, MISSING
 * @param statePosition the state (government) post held, if any: what cách chức can remove
 * @param managingUnitId the unit whose committee manages the member as a cadre (diện quản lý); null when
 *                       the member is managed by their own unit
 */
public record MemberUpserted(
        UUID id,
        String cardNumber,
        String fullName,
        UUID unitId,
        String status,
        LocalDate statusSince,
        List<CommitteePost> committeePosts,
        String statePosition,
        UUID managingUnitId,
        boolean retired,
        long version,
        Instant changedAt) {

    /**
     * A seat on a party body.
     *
     * @param body COMMITTEE (cấp ủy / BCH), STANDING_COMMITTEE (BTV), UBKT, CELL_COMMITTEE (chi ủy)
     * @param post e.g. SECRETARY (bí thư), DEPUTY_SECRETARY, CHAIR (chủ nhiệm UBKT), DEPUTY_CHAIR, MEMBER
     */
    public record CommitteePost(UUID unitId, String body, String post, LocalDate termStart, LocalDate termEnd) {
    }
}
