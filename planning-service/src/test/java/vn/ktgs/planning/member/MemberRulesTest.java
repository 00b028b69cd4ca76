package vn.ktgs.planning.member;

import org.junit.jupiter.api.Test;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.planning.member.MemberCodes.Body;
import vn.ktgs.planning.member.MemberCodes.Post;
import vn.ktgs.planning.member.MemberCodes.Status;
import vn.ktgs.planning.member.MemberRequests.CommitteePost;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemberRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final UUID PROVINCE = UUID.randomUUID();
    private static final UUID COMMUNE = UUID.randomUUID();
    private static final UUID CELL = UUID.randomUUID();
    private static final UUID OTHER_CELL = UUID.randomUUID();
    private static final Map<UUID, MemberRules.Unit> UNITS = Map.of(
            PROVINCE, new MemberRules.Unit(PROVINCE, "/" + PROVINCE + "/", true, true),
            COMMUNE, new MemberRules.Unit(COMMUNE, "/" + PROVINCE + "/" + COMMUNE + "/", true, false),
            CELL, new MemberRules.Unit(CELL, "/" + PROVINCE + "/" + COMMUNE + "/" + CELL + "/", false, false),
            OTHER_CELL, new MemberRules.Unit(OTHER_CELL, "/" + PROVINCE + "/" + OTHER_CELL + "/", false, false));

    @Test
    void aSoundRecordBreaksNoRule() {
        MemberState s = state(Status.OFFICIAL, LocalDate.of(2010, 1, 1), LocalDate.of(2011, 1, 1), COMMUNE,
                List.of(new CommitteePost(COMMUNE, Body.UBKT, Post.CHAIR, null, null),
                        new CommitteePost(PROVINCE, Body.STANDING_COMMITTEE, Post.MEMBER, LocalDate.of(2025, 10, 1), null)));
        assertEquals(List.of(), check(s, "001234569012", PROVINCE));
    }

    @Test
    void reportsEveryBrokenRuleWithItsField() {
        MemberState s = state(Status.PROBATIONARY, LocalDate.of(2026, 3, 2), LocalDate.of(2020, 1, 1), OTHER_CELL,
                List.of(new CommitteePost(COMMUNE, Body.STANDING_COMMITTEE, Post.SECRETARY, LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1)),
                        new CommitteePost(CELL, Body.CELL_COMMITTEE, Post.CHAIR, null, null)));
        List<FieldError> errors = check(s, "12345678901a", PROVINCE);
        assertEquals(List.of("rows[7].citizenId citizen-id-format", "rows[7].admittedDate date-not-future",
                "rows[7].officialDate official-after-admitted", "rows[7].officialDate probationary-not-official",
                "rows[7].managingUnitId managing-unit-above", "rows[7].committeePosts[0].body unit-has-btv",
                "rows[7].committeePosts[0].termEnd term-order", "rows[7].committeePosts[1].post post-fits-body"),
                errors.stream().map(e -> e.field() + " " + e.rule()).toList());
    }

    @Test
    void aUnitOutsideTheScopeOrUnknownIsOneError() {
        MemberState s = state(Status.OFFICIAL, null, null, null, List.of()).withUnit(OTHER_CELL);
        assertEquals(List.of("rows[7].unitId unit-in-scope"), check(s, "001234569012", COMMUNE).stream()
                .map(e -> e.field() + " " + e.rule()).toList());
        assertEquals(List.of("rows[7].cardNumber card-number-format"), check(new MemberState("số thẻ", "i", "A", CELL,
                Status.OFFICIAL, null, null, null, List.of(), null, null, false), "001234569012", PROVINCE).stream()
                .map(e -> e.field() + " " + e.rule()).toList());
    }

    @Test
    void membersWhoLeftOrDiedAreNotTransferred() {
        for (Status s : List.of(Status.EXPELLED, Status.STRUCK_OFF, Status.DECEASED)) {
            ProblemException e = assertThrows(ProblemException.class, () -> MemberRules.checkTransferable(s));
            assertEquals(409, e.status());
            assertEquals("transfer-allowed", e.errors().get(0).rule());
        }
        MemberRules.checkTransferable(Status.SUSPENDED);
        MemberRules.checkTransferable(Status.MISSING);
    }

    @Test
    void changesNameEachFieldAndHideTheCitizenId() {
        MemberState before = state(Status.OFFICIAL, null, null, null, List.of());
        MemberState after = new MemberState(before.cardNumber(), "other-index", before.fullName(), OTHER_CELL, Status.SUSPENDED,
                null, null, TODAY, List.of(), null, null, false);
        Map<String, Object> changes = before.changesTo(after);
        assertEquals(List.of("citizenId", "unitId", "status", "statusSince"), List.copyOf(changes.keySet()));
        assertEquals("changed", changes.get("citizenId"));
        assertEquals(Map.of("from", CELL, "to", OTHER_CELL), changes.get("unitId"));
        assertEquals(Map.of(), before.changesTo(before));
    }

    private static List<FieldError> check(MemberState s, String citizenId, UUID scope) {
        return MemberRules.check("rows[7].", s, citizenId, UNITS::get, UNITS.get(scope), TODAY);
    }

    private static MemberState state(Status status, LocalDate admitted, LocalDate official, UUID managing, List<CommitteePost> posts) {
        return new MemberState("01.234567", "index", "Nguyễn Văn Hùng", CELL, status, admitted, official,
                null, posts, null, managing, false);
    }
}
