package vn.ktgs.discipline.cases;

import vn.ktgs.kit.discipline.FormAuthority;
import org.junit.jupiter.api.Test;
import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.Status;
import vn.ktgs.kit.discipline.DisciplineTerms.SubjectCategory;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.discipline.cases.DisciplineWorkflow.Action;
import vn.ktgs.kit.membercopy.MemberCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.kit.rules.WorkingDays;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ktgs.kit.discipline.DisciplineTerms.Form.DISSOLUTION;
import static vn.ktgs.kit.discipline.DisciplineTerms.Form.EXPULSION;
import static vn.ktgs.kit.discipline.DisciplineTerms.Form.REMOVAL_FROM_POST;
import static vn.ktgs.kit.discipline.DisciplineTerms.Form.REPRIMAND;
import static vn.ktgs.kit.discipline.DisciplineTerms.Form.WARNING;

/** The discipline rules of DOMAIN §3, §6 and §7, one test per row, on the rule sets the migration seeds. Without Quarkus. */
class DisciplineRulesTest {
    private static final RuleSet QD296 = MigrationRules.load("DISCIPLINE-QD296-2025");
    private static final RuleSet QD102 = MigrationRules.load("DISCIPLINE-QD102-2017");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    /** 2026 as the calendar holds it for these tests: weekends only, plus Tết and 2/9 */
    private static final WorkingDays CALENDAR = new WorkingDays(Set.of(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
            LocalDate.of(2026, 9, 2)), Set.of(), Set.of(2025, 2026, 2027));

    private final Map<UUID, OrgUnitCopy> units = new HashMap<>();
    private final OrgUnitCopy central = unit(null, "CENTRAL", true, true, true);
    private final OrgUnitCopy province = unit(central, "PROVINCE", true, true, true);
    private final OrgUnitCopy commune = unit(province, "COMMUNE", true, true, false);
    private final OrgUnitCopy admittingCommune = unit(province, "COMMUNE", true, true, true);
    private final OrgUnitCopy cell = unit(commune, "CELL", false, false, false);
    private final OrgUnitCopy partial = unit(commune, "PARTIAL", false, false, false);
    private final OrgUnitCopy cellOfPartial = unit(partial, "CELL", false, false, false);

    @Test
    void aCellRemindsAndWarnsAnyOfItsMembersButNotForTasksAHigherLevelAssigned() {
        for (SubjectCategory c : SubjectCategory.values()) {
            assertEquals(EnumSet.of(REPRIMAND, WARNING), FormAuthority.memberForms(QD296, Body.CELL, cell, c, false), c.name());
        }
        assertEquals(Set.of(), FormAuthority.memberForms(QD296, Body.CELL, cell, SubjectCategory.ORDINARY, true));
        assertEquals(Set.of(), FormAuthority.memberForms(QD296, Body.CELL_COMMITTEE, cell, SubjectCategory.ORDINARY, false));
        assertEquals(Set.of(), FormAuthority.memberForms(QD296, Body.PARTIAL_COMMITTEE, partial, SubjectCategory.ORDINARY, false));
    }

    @Test
    void aGrassrootsCommitteeExpelsOnlyWhenAuthorisedToAdmitAndNeverItsOwnCommitteeMembers() {
        assertEquals(EnumSet.of(REPRIMAND, WARNING), FormAuthority.memberForms(QD296, Body.COMMITTEE, commune, SubjectCategory.ORDINARY, false));
        assertEquals(EnumSet.of(REPRIMAND, WARNING, EXPULSION),
                FormAuthority.memberForms(QD296, Body.COMMITTEE, admittingCommune, SubjectCategory.ORDINARY, false));
        assertEquals(EnumSet.of(REPRIMAND, WARNING, REMOVAL_FROM_POST, EXPULSION),
                FormAuthority.memberForms(QD296, Body.COMMITTEE, admittingCommune, SubjectCategory.LOWER_LEVEL_COMMITTEE_MEMBER, false));
        assertEquals(EnumSet.of(REPRIMAND, WARNING),
                FormAuthority.memberForms(QD296, Body.COMMITTEE, admittingCommune, SubjectCategory.SAME_LEVEL_COMMITTEE_MEMBER, false));
        assertEquals(EnumSet.of(REPRIMAND, WARNING),
                FormAuthority.memberForms(QD296, Body.COMMITTEE, admittingCommune, SubjectCategory.HIGHER_MANAGED, false));
    }

    @Test
    void aGrassrootsCommissionAndStandingCommitteeDecideOnlyReprimandAndWarningAndNotForSameLevelCommitteeMembers() {
        for (Body b : List.of(Body.INSPECTION_COMMISSION, Body.STANDING_COMMITTEE)) {
            assertEquals(EnumSet.of(REPRIMAND, WARNING), FormAuthority.memberForms(QD296, b, commune, SubjectCategory.ORDINARY, false));
            assertEquals(EnumSet.of(REPRIMAND, WARNING),
                    FormAuthority.memberForms(QD296, b, commune, SubjectCategory.LOWER_LEVEL_COMMITTEE_MEMBER, false));
            assertEquals(Set.of(), FormAuthority.memberForms(QD296, b, commune, SubjectCategory.SAME_LEVEL_COMMITTEE_MEMBER, false));
        }
        OrgUnitCopy noBtv = unit(province, "GRASSROOTS", true, false, false);
        assertEquals(Set.of(), FormAuthority.memberForms(QD296, Body.STANDING_COMMITTEE, noBtv, SubjectCategory.ORDINARY, false));
    }

    @Test
    void aProvinceDecidesEveryFormButOnlyReprimandAndWarningForItsOwnCommitteeMembers() {
        assertEquals(EnumSet.of(REPRIMAND, WARNING, REMOVAL_FROM_POST, EXPULSION),
                FormAuthority.memberForms(QD296, Body.COMMITTEE, province, SubjectCategory.ORDINARY, false));
        assertEquals(EnumSet.of(REPRIMAND, WARNING),
                FormAuthority.memberForms(QD296, Body.STANDING_COMMITTEE, province, SubjectCategory.SAME_LEVEL_COMMITTEE_MEMBER, false));
        assertEquals(EnumSet.of(REPRIMAND, WARNING, REMOVAL_FROM_POST),
                FormAuthority.memberForms(QD296, Body.INSPECTION_COMMISSION, province, SubjectCategory.LOWER_LEVEL_COMMITTEE_MEMBER, false));
        assertEquals(EnumSet.of(REPRIMAND, WARNING, REMOVAL_FROM_POST, EXPULSION),
                FormAuthority.memberForms(QD296, Body.COMMITTEE, central, SubjectCategory.SAME_LEVEL_COMMITTEE_MEMBER, false));
    }

    @Test
    void organisationsAreDisciplinedByTheDirectUpperCommitteeOrAnyCommissionAboveAndDissolvedTwoLevelsUp() {
        assertEquals(EnumSet.of(REPRIMAND, WARNING), FormAuthority.orgForms(QD296, Body.COMMITTEE, commune, cell));
        assertEquals(EnumSet.of(REPRIMAND, WARNING), FormAuthority.orgForms(QD296, Body.STANDING_COMMITTEE, commune, cell));
        assertEquals(Set.of(), FormAuthority.orgForms(QD296, Body.INSPECTION_COMMISSION, commune, cell));
        assertEquals(EnumSet.of(REPRIMAND, WARNING), FormAuthority.orgForms(QD296, Body.INSPECTION_COMMISSION, province, cell));
        assertEquals(EnumSet.of(DISSOLUTION), FormAuthority.orgForms(QD296, Body.COMMITTEE, province, cell));
        assertEquals(Set.of(), FormAuthority.orgForms(QD296, Body.COMMITTEE, commune, commune));
        assertEquals(Set.of(), FormAuthority.orgForms(QD296, Body.COMMITTEE, admittingCommune, cell));
    }

    @Test
    void theMembersStandingToTheDecidingUnitComesFromSeatsInForceAndTheManagingUnit() {
        MemberCopy m = member("OFFICIAL");
        assertEquals(SubjectCategory.ORDINARY, FormAuthority.category(m, commune, units::get, TODAY));
        m.committeePosts.add(seat(cell, "CELL_COMMITTEE", null));
        assertEquals(SubjectCategory.LOWER_LEVEL_COMMITTEE_MEMBER, FormAuthority.category(m, commune, units::get, TODAY));
        assertEquals(SubjectCategory.ORDINARY, FormAuthority.category(m, cell, units::get, TODAY));
        m.managingUnitId = province.id;
        assertEquals(SubjectCategory.HIGHER_MANAGED, FormAuthority.category(m, commune, units::get, TODAY));
        m.committeePosts.add(seat(commune, "COMMITTEE", null));
        assertEquals(SubjectCategory.SAME_LEVEL_COMMITTEE_MEMBER, FormAuthority.category(m, commune, units::get, TODAY));
        m.committeePosts.get(1).termEnd = TODAY.minusDays(1);
        assertEquals(SubjectCategory.HIGHER_MANAGED, FormAuthority.category(m, commune, units::get, TODAY));
    }

    @Test
    void aSeatOnTheCommitteeOfAUnitAboveMakesTheMemberItsCadreOnceItsTermHasBegun() {
        // a province cấp ủy viên whose cell is under the commune, with no managing unit recorded
        MemberCopy m = member("OFFICIAL");
        m.committeePosts.add(seat(province, "COMMITTEE", null));
        assertEquals(SubjectCategory.HIGHER_MANAGED, FormAuthority.category(m, commune, units::get, TODAY));
        assertEquals(SubjectCategory.SAME_LEVEL_COMMITTEE_MEMBER, FormAuthority.category(m, province, units::get, TODAY));
        assertEquals(Set.of(REPRIMAND, WARNING), FormAuthority.memberForms(QD296, Body.COMMITTEE, admittingCommune,
                FormAuthority.category(m, admittingCommune, units::get, TODAY), false));
        // elected for a term that has not begun: not yet a cấp ủy viên
        m.committeePosts.get(0).termStart = TODAY.plusDays(1);
        assertEquals(SubjectCategory.ORDINARY, FormAuthority.category(m, commune, units::get, TODAY));
    }

    @Test
    void aBodyWithoutAuthorityProposesUpToTheFirstBodyThatHasIt() {
        // a cell committee member's cách chức: the cell proposes, the commune's committee (standing committee and commission may not) decides
        FormAuthority.Seat target = FormAuthority.proposalTarget(QD296, new FormAuthority.Seat(cell, Body.CELL), REMOVAL_FROM_POST,
                (u, b) -> FormAuthority.memberForms(QD296, b, u, u == cell ? SubjectCategory.ORDINARY
                        : SubjectCategory.LOWER_LEVEL_COMMITTEE_MEMBER, false), units::get).orElseThrow();
        assertEquals(commune, target.unit());
        assertEquals(Body.COMMITTEE, target.body());
        // expulsion from a commune not authorised to admit goes to the province's standing committee
        target = FormAuthority.proposalTarget(QD296, new FormAuthority.Seat(cellOfPartial, Body.CELL), EXPULSION,
                (u, b) -> FormAuthority.memberForms(QD296, b, u, SubjectCategory.ORDINARY, false), units::get).orElseThrow();
        assertEquals(province, target.unit());
        assertEquals(Body.STANDING_COMMITTEE, target.body());
    }

    @Test
    void moreThanHalfOfTheWholeDenominatorDecidesAndExactlyHalfDoesNot() {
        List<Form> forms = DisciplineRules.formsOf(QD296, SubjectType.MEMBER);
        assertNull(VoteTally.count(QD296, forms, Map.of(WARNING, 6), 12, false).result());
        assertEquals(WARNING, VoteTally.count(QD296, forms, Map.of(WARNING, 7), 12, false).result());
        assertEquals(REPRIMAND, VoteTally.count(QD296, forms, Map.of(REPRIMAND, 4), 7, false).result());
        assertNull(VoteTally.count(QD296, forms, Map.of(REPRIMAND, 3), 7, false).result());
    }

    @Test
    void withoutAMajorityForAnyFormVotesAreAddedFromTheMostSevereDown() {
        List<Form> forms = DisciplineRules.formsOf(QD296, SubjectType.MEMBER);
        VoteTally.Result r = VoteTally.count(QD296, forms, Map.of(REMOVAL_FROM_POST, 3, WARNING, 2, REPRIMAND, 4), 12, true);
        assertEquals(REPRIMAND, r.result());
        assertEquals(List.of(0, 3, 5, 9), r.lines().stream().map(VoteTally.Line::cumulative).toList());
        r = VoteTally.count(QD296, forms, Map.of(REMOVAL_FROM_POST, 4, WARNING, 3, REPRIMAND, 4), 12, true);
        assertEquals(WARNING, r.result());
    }

    @Test
    void aCellProposesExpulsionWithTwoThirdsAndBelowThatTheFileStillGoesUp() {
        List<Form> forms = DisciplineRules.formsOf(QD296, SubjectType.MEMBER);
        VoteTally.Result exactly = VoteTally.count(QD296, forms, Map.of(EXPULSION, 8, WARNING, 4), 12, false);
        assertTrue(exactly.expulsionProposed());
        assertEquals(Boolean.TRUE, exactly.expulsionProposalReached());
        assertEquals(EXPULSION, exactly.result());
        VoteTally.Result below = VoteTally.count(QD296, forms, Map.of(EXPULSION, 7, WARNING, 5), 12, false);
        assertTrue(below.expulsionProposed());
        assertEquals(Boolean.FALSE, below.expulsionProposalReached());
        assertEquals(REMOVAL_FROM_POST, below.result());
        // a deciding body that may expel needs more than half, not two thirds
        VoteTally.Result upper = VoteTally.count(QD296, forms, Map.of(EXPULSION, 5, WARNING, 4), 9, true);
        assertFalse(upper.expulsionProposed());
        assertEquals(EXPULSION, upper.result());
    }

    @Test
    void theLimitationRunsFromTheActsEndToItsLastDayAndExpiresTheDayAfter() {
        List<Limitation.Act> acts = List.of(act(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 11, 20)));
        // 60 months after 20/11/2021 is Friday 20/11/2026
        Limitation.Result last = Limitation.check(QD296, SubjectType.MEMBER, REPRIMAND, acts, List.of(), LocalDate.of(2026, 11, 20), CALENDAR);
        assertEquals(LocalDate.of(2026, 11, 20), last.lastDay());
        assertFalse(last.expired());
        assertTrue(Limitation.check(QD296, SubjectType.MEMBER, REPRIMAND, acts, List.of(), LocalDate.of(2026, 11, 21), CALENDAR).expired());
        // a warning has 120 months
        assertFalse(Limitation.check(QD296, SubjectType.MEMBER, WARNING, acts, List.of(), LocalDate.of(2026, 11, 21), CALENDAR).expired());
        // a last day on a Saturday rolls to the Monday
        List<Limitation.Act> saturday = List.of(act(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 11, 21)));
        Limitation.Result rolled = Limitation.check(QD296, SubjectType.MEMBER, REPRIMAND, saturday, List.of(), LocalDate.of(2026, 11, 23), CALENDAR);
        assertEquals(LocalDate.of(2026, 11, 23), rolled.lastDay());
        assertFalse(rolled.expired());
    }

    @Test
    void aNewViolationRestartsTheCountAndAContinuingActHasNotStartedIt() {
        List<Limitation.Act> acts = List.of(act(LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1)),
                act(LocalDate.of(2020, 6, 1), LocalDate.of(2022, 3, 1)));
        Limitation.Result r = Limitation.check(QD296, SubjectType.MEMBER, REPRIMAND, acts, List.of(), TODAY, CALENDAR);
        assertEquals(LocalDate.of(2027, 3, 1), r.lastDay());
        assertFalse(r.expired());
        Limitation.Result continuing = Limitation.check(QD296, SubjectType.MEMBER, REPRIMAND,
                List.of(new Limitation.Act(LocalDate.of(2010, 1, 1), null, "OTHER", null)), List.of(), TODAY, CALENDAR);
        assertFalse(continuing.expired());
        assertNull(continuing.lastDay());
    }

    @Test
    void aNewViolationInAnotherCaseOfTheSubjectRestartsTheCountWhenBegunWithinThePeriod() {
        List<Limitation.Act> acts = List.of(act(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 6, 30)));
        // begun within the period (to 30/6/2025), then within the restarted one (to 1/4/2029): the count runs from the
        // last end; one begun after the end-point (here today's conclusion) restarts nothing
        Limitation.Result r = Limitation.check(QD296, SubjectType.MEMBER, REPRIMAND, acts, List.of(
                act(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 1)), act(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1)),
                act(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 1))), TODAY, CALENDAR);
        assertEquals(LocalDate.of(2031, 2, 1), r.lastDay());
        assertFalse(r.expired());
        // begun after the period ran out, or before the count started (it runs alongside): no restart
        for (Limitation.Act other : List.of(act(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 8, 1)),
                act(LocalDate.of(2018, 1, 1), LocalDate.of(2024, 4, 1)))) {
            r = Limitation.check(QD296, SubjectType.MEMBER, REPRIMAND, acts, List.of(other), TODAY, CALENDAR);
            assertEquals(LocalDate.of(2025, 6, 30), r.lastDay());
            assertTrue(r.expired());
        }
        // begun within the period and continuing: the count restarts when it ends
        r = Limitation.check(QD296, SubjectType.MEMBER, REPRIMAND, acts,
                List.of(new Limitation.Act(LocalDate.of(2024, 3, 1), null, "OTHER", null)), TODAY, CALENDAR);
        assertNull(r.lastDay());
        assertFalse(r.expired());
    }

    @Test
    void someFormsAndKindsHaveNoLimitationAndTheEndPointFollowsTheRuleSet() {
        List<Limitation.Act> old = List.of(act(LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1)));
        assertFalse(Limitation.check(QD296, SubjectType.MEMBER, EXPULSION, old, List.of(), TODAY, CALENDAR).applies());
        assertFalse(Limitation.check(QD296, SubjectType.ORG_UNIT, DISSOLUTION, old, List.of(), TODAY, CALENDAR).applies());
        assertTrue(Limitation.check(QD296, SubjectType.MEMBER, WARNING, old, List.of(), TODAY, CALENDAR).expired());
        assertFalse(Limitation.check(QD296, SubjectType.MEMBER, WARNING,
                List.of(new Limitation.Act(LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1), "INTERNAL_POLITICAL_SECURITY", null)),
                List.of(), TODAY, CALENDAR).expired());
        assertFalse(Limitation.check(QD296, SubjectType.MEMBER, WARNING,
                List.of(new Limitation.Act(LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1), "OTHER", "ILLEGAL_DIPLOMA")),
                List.of(), TODAY, CALENDAR).applies());
        assertEquals("CONCLUSION", Limitation.endPointOf(QD296));
        assertEquals("DECISION_TO_INSPECT", Limitation.endPointOf(QD102));
    }

    @Test
    void theEffectEndsTwelveMonthsAfterTheAnnouncementExceptExpulsionAndDissolution() {
        LocalDate announced = LocalDate.of(2026, 3, 10);
        assertEquals(LocalDate.of(2027, 3, 10), DisciplineEffect.effectUntil(QD296, WARNING, announced));
        assertNull(DisciplineEffect.effectUntil(QD296, EXPULSION, announced));
        assertNull(DisciplineEffect.effectUntil(QD296, DISSOLUTION, announced));
        // 30 calendar days (QĐ 296) from Tuesday 3/11/2026 end on Thursday 3/12; 30 working days (QĐ 30) later
        assertEquals(LocalDate.of(2026, 12, 3), DisciplineEffect.appealWindowEnds(QD296, LocalDate.of(2026, 11, 3), CALENDAR).orElseThrow());
        assertEquals(LocalDate.of(2026, 12, 15), DisciplineEffect.appealWindowEnds(QD102, LocalDate.of(2026, 11, 3), CALENDAR).orElseThrow());
        // a window into a year the calendar does not cover is not counted as if that year had no holidays
        WorkingDays only2026 = new WorkingDays(Set.of(), Set.of(), Set.of(2026));
        assertTrue(DisciplineEffect.appealWindowEnds(QD296, LocalDate.of(2026, 12, 10), only2026).isEmpty());
        // held past its last day, a decision in effect still forbids; once ended, it no longer does
        List<DisciplineEffect.Restriction> during = DisciplineEffect.restrictions(QD296, WARNING, announced,
                LocalDate.of(2027, 3, 10), true, LocalDate.of(2027, 4, 10));
        assertTrue(during.stream().anyMatch(r -> r.code().equals("NO_APPOINTMENT")));
        assertEquals(List.of(), DisciplineEffect.restrictions(QD296, WARNING, announced, LocalDate.of(2027, 3, 10), false,
                LocalDate.of(2027, 3, 11)));
        List<DisciplineEffect.Restriction> afterRemoval = DisciplineEffect.restrictions(QD296, REMOVAL_FROM_POST, announced,
                LocalDate.of(2026, 6, 1), false, LocalDate.of(2026, 12, 1));
        assertEquals(List.of("NOT_ELECTED_TO_COMMITTEE", "NO_EQUAL_OR_HIGHER_POST"),
                afterRemoval.stream().map(DisciplineEffect.Restriction::code).toList());
    }

    @Test
    void theFormMustFitTheSubject() {
        MemberCopy probationary = member("PROBATIONARY");
        assertNull(DisciplineRules.formFits(QD296, SubjectType.MEMBER, probationary, WARNING, false, TODAY, "f"));
        assertEquals("form-fits-subject", rule(DisciplineRules.formFits(QD296, SubjectType.MEMBER, probationary, EXPULSION, false, TODAY, "f")));
        MemberCopy official = member("OFFICIAL");
        assertEquals("form-needs-post", rule(DisciplineRules.formFits(QD296, SubjectType.MEMBER, official, REMOVAL_FROM_POST, false, TODAY, "f")));
        official.statePosition = "Chủ tịch UBND xã";
        assertNull(DisciplineRules.formFits(QD296, SubjectType.MEMBER, official, REMOVAL_FROM_POST, false, TODAY, "f"));
        assertEquals("form-fits-subject", rule(DisciplineRules.formFits(QD296, SubjectType.ORG_UNIT, null, EXPULSION, false, TODAY, "f")));
        assertNull(DisciplineRules.formFits(QD296, SubjectType.ORG_UNIT, null, DISSOLUTION, false, TODAY, "f"));
        MemberCopy deceased = member("DECEASED");
        assertEquals("deceased-not-disciplined", rule(DisciplineRules.formFits(QD296, SubjectType.MEMBER, deceased, WARNING, false, TODAY, "f")));
        assertNull(DisciplineRules.formFits(QD296, SubjectType.MEMBER, deceased, EXPULSION, true, TODAY, "f"));
    }

    @Test
    void aDeferredCaseTakesNoStepAndThereIsNoVoteBeforeTheSelfCriticismAndHearing() {
        assertEquals(Status.SELF_CRITICISM, DisciplineWorkflow.next(Status.OPENED, Action.SELF_CRITICISM_RECORDED));
        assertEquals(Status.DEFERRED, DisciplineWorkflow.next(Status.HEARD, Action.DEFER));
        assertEquals(Status.DEFERRED, DisciplineWorkflow.next(Status.VOTED, Action.DEFER));
        assertEquals("deferred-no-step", conflict(() -> DisciplineWorkflow.next(Status.DEFERRED, Action.DECIDE)));
        assertEquals("transition-allowed", conflict(() -> DisciplineWorkflow.next(Status.DECIDED, Action.DEFER)));
        assertEquals("deferred-no-step", conflict(() -> DisciplineWorkflow.next(Status.DEFERRED, Action.VOTE)));
        assertEquals("decision-after-self-criticism-and-hearing", conflict(() -> DisciplineWorkflow.next(Status.OPENED, Action.VOTE)));
        assertEquals("decision-after-self-criticism-and-hearing", conflict(() -> DisciplineWorkflow.next(Status.SELF_CRITICISM, Action.DECIDE)));
        assertEquals("transition-allowed", conflict(() -> DisciplineWorkflow.next(Status.ANNOUNCED, Action.DECIDE)));
    }

    private static String conflict(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(409, e.status());
        return e.errors().get(0).rule();
    }

    private static String rule(FieldError e) {
        return e == null ? null : e.rule();
    }

    private static Limitation.Act act(LocalDate from, LocalDate to) {
        return new Limitation.Act(from, to, "ETHICS_LIFESTYLE", null);
    }

    private static MemberCopy member(String status) {
        MemberCopy m = new MemberCopy();
        m.id = UUID.randomUUID();
        m.status = status;
        m.fullName = "Nguyễn Văn A";
        return m;
    }

    private static MemberCopy.Seat seat(OrgUnitCopy unit, String body, LocalDate termEnd) {
        MemberCopy.Seat s = new MemberCopy.Seat();
        s.unitId = unit.id;
        s.body = body;
        s.post = "MEMBER";
        s.termStart = LocalDate.of(2025, 6, 1);
        s.termEnd = termEnd;
        return s;
    }

    private OrgUnitCopy unit(OrgUnitCopy parent, String level, boolean ubkt, boolean btv, boolean admit) {
        OrgUnitCopy u = new OrgUnitCopy();
        u.id = UUID.randomUUID();
        u.parentId = parent == null ? null : parent.id;
        u.path = (parent == null ? "/" : parent.path) + u.id + "/";
        u.level = level;
        u.name = level + " " + u.id.toString().substring(0, 4);
        u.hasUbkt = ubkt;
        u.hasBtv = btv;
        u.authorisedToAdmit = admit;
        units.put(u.id, u);
        return u;
    }
}
