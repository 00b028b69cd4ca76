package vn.ktgs.planning.plan;

import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;
import vn.ktgs.events.EventJson;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;
import vn.ktgs.planning.org.OrgLevel;
import vn.ktgs.planning.org.OrgUnit;
import vn.ktgs.planning.plan.PlanCodes.ItemKind;
import vn.ktgs.planning.plan.PlanCodes.Kind;
import vn.ktgs.planning.plan.PlanCodes.PeriodType;
import vn.ktgs.planning.plan.PlanCodes.Status;
import vn.ktgs.planning.plan.PlanCodes.SubjectType;
import vn.ktgs.planning.plan.PlanWorkflow.Action;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The plan rules and the workflow on plain objects: no database, no Quarkus. */
class PlanRulesTest {
    private static final RuleSet RULES = new RuleSet("TEST", "planning", "test", "test", LocalDate.of(2025, 1, 1), null, Map.of(
            PlanRules.NOT_FOR_STAFF_AGENCIES, new RuleSet.Rule(EventJson.mapper().valueToTree(List.of("INSPECTION_ON_SIGNS")), "C2", "t"),
            PlanRules.TERM_MAX_YEARS, new RuleSet.Rule(IntNode.valueOf(5), "C", "t")));
    private final OrgUnit ward = unit(null);
    private final OrgUnit cell = unit(ward);
    private final OrgUnit sibling = unit(null);
    private final Map<UUID, OrgUnit> units = Map.of(ward.id, ward, cell.id, cell, sibling.id, sibling);

    @Test
    void resolvesMonthsQuartersAndRangesInsideTheYear() {
        PlanRules.Checked c = PlanRules.check(annual(
                item(ItemKind.THEMATIC_SUPERVISION, cell, new PlanRequests.Period(PeriodType.MONTH, null, 2, null, null, null)),
                item(ItemKind.THEMATIC_INSPECTION, cell, new PlanRequests.Period(PeriodType.QUARTER, null, null, 4, null, null)),
                item(ItemKind.FINANCE_INSPECTION, ward, new PlanRequests.Period(PeriodType.RANGE, null, null, null,
                        LocalDate.of(2026, 5, 5), LocalDate.of(2026, 6, 5)))), ward, level(false), units, Map.of(), RULES);
        assertEquals(new PlanRules.Span(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), c.span());
        assertEquals(LocalDate.of(2026, 2, 28), c.periods().get(0).to());
        assertEquals(LocalDate.of(2026, 10, 1), c.periods().get(1).from());
        assertEquals(LocalDate.of(2026, 12, 31), c.periods().get(1).to());
    }

    @Test
    void reportsEveryBrokenRuleWithItsField() {
        ProblemException e = assertThrows(ProblemException.class, () -> PlanRules.check(annual(
                item(ItemKind.INSPECTION_ON_SIGNS, sibling, new PlanRequests.Period(PeriodType.MONTH, 2027, 1, null, null, null)),
                new PlanRequests.Item(null, PlanCodes.Activity.INSPECTION, ItemKind.REGULAR_SUPERVISION,
                        new PlanRequests.Subject(SubjectType.MEMBER, cell.id, null, null, null), "x", null,
                        new PlanRequests.Period(PeriodType.QUARTER, null, null, 5, null, null), null, null)),
                ward, level(true), units, Map.of(), RULES));
        assertEquals(422, e.status());
        assertEquals(List.of("items[0].kind:kind-allowed-for-owner", "items[0].subject.orgUnitId:subject-in-subtree",
                        "items[0].period:period-in-plan", "items[1].activity:activity-matches-kind",
                        "items[1].subject:member-identified", "items[1].period:period-valid"),
                e.errors().stream().map(f -> f.field() + ":" + f.rule()).toList());
    }

    @Test
    void aTermProgrammeLastsAtMostTheRuleSetsYears() {
        PlanRequests.Draft term = new PlanRequests.Draft(null, Kind.TERM_PROGRAMME, null, 2025, 2031, "Chương trình", List.of());
        ProblemException e = assertThrows(ProblemException.class, () -> PlanRules.check(term, ward, level(false), units, Map.of(), RULES));
        assertEquals(List.of("termEnd"), e.errors().stream().map(FieldError::field).toList());
        PlanRequests.Draft ok = new PlanRequests.Draft(null, Kind.TERM_PROGRAMME, null, 2025, 2030, "Chương trình", List.of());
        assertEquals(LocalDate.of(2030, 12, 31), PlanRules.check(ok, ward, level(false), units, Map.of(), RULES).span().to());
    }

    @Test
    void theWorkflowAllowsOnlyItsTransitions() {
        assertEquals(Status.SUBMITTED, PlanWorkflow.next(Status.DRAFT, Action.SUBMIT));
        assertEquals(Status.SUBMITTED, PlanWorkflow.next(Status.RETURNED, Action.SUBMIT));
        assertEquals(Status.APPROVED, PlanWorkflow.next(Status.SUBMITTED, Action.APPROVE));
        assertEquals(Status.DRAFT, PlanWorkflow.next(Status.APPROVED, Action.AMEND));
        assertEquals(Status.CLOSED, PlanWorkflow.next(Status.APPROVED, Action.CLOSE));
        for (Status s : List.of(Status.DRAFT, Status.RETURNED, Status.APPROVED, Status.CLOSED)) {
            ProblemException e = assertThrows(ProblemException.class, () -> PlanWorkflow.next(s, Action.APPROVE));
            assertEquals(409, e.status());
            assertEquals("transition-allowed", e.errors().get(0).rule());
        }
        assertThrows(ProblemException.class, () -> PlanWorkflow.next(Status.CLOSED, Action.AMEND));
        assertThrows(ProblemException.class, () -> PlanWorkflow.next(Status.SUBMITTED, Action.EDIT));
    }

    private static PlanRequests.Draft annual(PlanRequests.Item... items) {
        return new PlanRequests.Draft(null, Kind.ANNUAL, 2026, null, null, "Kế hoạch năm 2026", List.of(items));
    }

    private static PlanRequests.Item item(ItemKind kind, OrgUnit subject, PlanRequests.Period period) {
        return new PlanRequests.Item(null, null, kind, new PlanRequests.Subject(SubjectType.ORG_UNIT, subject.id, null, null, null),
                "Nội dung", null, period, null, null);
    }

    private static OrgLevel level(boolean staffAgency) {
        OrgLevel l = new OrgLevel();
        l.code = staffAgency ? "STAFF_AGENCY" : "COMMUNE";
        l.staffAgency = staffAgency;
        return l;
    }

    private static OrgUnit unit(OrgUnit parent) {
        OrgUnit u = new OrgUnit();
        u.id = UUID.randomUUID();
        u.path = (parent == null ? "/" : parent.path) + u.id + "/";
        return u;
    }
}
