package vn.ktgs.planning.member;

import vn.ktgs.kit.text.VietnameseText;
import vn.ktgs.planning.member.MemberCodes.Status;
import vn.ktgs.planning.member.MemberRequests.CommitteePost;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a member record holds, as stored: normalised text, the citizen ID only as its blind index. Two
 * states compare field by field, which gives both the no-op test of an import and the history's "what changed".
 */
public record MemberState(String cardNumber, String citizenIdIndex, String fullName, UUID unitId, Status status,
                          LocalDate admittedDate, LocalDate officialDate, LocalDate statusSince,
                          List<CommitteePost> committeePosts, String statePosition, UUID managingUnitId, boolean retired) {

    /** Before creation: what a new member's history entry counts its changes from. */
    static final MemberState EMPTY = new MemberState(null, null, null, null, null, null, null, null, List.of(), null, null, false);

    /** A request as it would be stored; {@code citizenIdIndex} is the blind index of its citizen ID. */
    static MemberState of(MemberRequests.Details d, String citizenIdIndex) {
        return new MemberState(normaliseCard(d.cardNumber()), citizenIdIndex, VietnameseText.normalise(d.fullName()),
                d.unitId(), d.status(), d.admittedDate(), d.officialDate(), d.statusSince(),
                d.committeePosts() == null ? List.of() : List.copyOf(d.committeePosts()),
                blankToNull(VietnameseText.normalise(d.statePosition())), d.managingUnitId(), Boolean.TRUE.equals(d.retired()));
    }

    MemberState withUnit(UUID unit) {
        return new MemberState(cardNumber, citizenIdIndex, fullName, unit, status, admittedDate, officialDate, statusSince,
                committeePosts, statePosition, managingUnitId, retired);
    }

    /** Field → {from, to} for every field that differs; the citizen ID only as "changed", never its value. */
    Map<String, Object> changesTo(MemberState after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        diff(changes, "cardNumber", after, MemberState::cardNumber);
        if (!Objects.equals(citizenIdIndex, after.citizenIdIndex)) {
            changes.put("citizenId", "changed");
        }
        diff(changes, "fullName", after, MemberState::fullName);
        diff(changes, "unitId", after, MemberState::unitId);
        diff(changes, "status", after, MemberState::status);
        diff(changes, "admittedDate", after, MemberState::admittedDate);
        diff(changes, "officialDate", after, MemberState::officialDate);
        diff(changes, "statusSince", after, MemberState::statusSince);
        diff(changes, "committeePosts", after, MemberState::committeePosts);
        diff(changes, "statePosition", after, MemberState::statePosition);
        diff(changes, "managingUnitId", after, MemberState::managingUnitId);
        diff(changes, "retired", after, MemberState::retired);
        return changes;
    }

    private void diff(Map<String, Object> changes, String field, MemberState after, Function<MemberState, Object> get) {
        Object from = get.apply(this);
        Object to = get.apply(after);
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            changes.put(field, change);
        }
    }

    /** Card numbers are compared and stored trimmed and in upper case. */
    static String normaliseCard(String card) {
        return card == null ? null : card.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
