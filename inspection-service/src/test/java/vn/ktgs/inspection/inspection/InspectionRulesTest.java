package vn.ktgs.inspection.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.ktgs.events.EventJson;
import vn.ktgs.inspection.inspection.InspectionCodes.Activity;
import vn.ktgs.inspection.inspection.InspectionCodes.DecidingBody;
import vn.ktgs.inspection.inspection.InspectionCodes.Kind;
import vn.ktgs.inspection.inspection.InspectionCodes.Status;
import vn.ktgs.inspection.inspection.InspectionCodes.SubjectType;
import vn.ktgs.inspection.inspection.InspectionWorkflow.Action;
import vn.ktgs.kit.membercopy.MemberCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.rules.RuleSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state machines and the pure rules, without Quarkus. */
class InspectionRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final RuleSet RULES = rules();

    @Test
    void eachActivityFollowsItsOwnStateMachine() {
        assertEquals(Status.DECIDED, InspectionWorkflow.next(Activity.INSPECTION, Status.PLANNED, Action.DECIDE));
        assertEquals(Status.REPORT, InspectionWorkflow.next(Activity.SUPERVISION, Status.NOTIFIED, Action.SELF_REPORT_RECEIVED));
        assertEquals(Status.SELF_REPORT, InspectionWorkflow.next(Activity.INSPECTION, Status.NOTIFIED, Action.SELF_REPORT_RECEIVED));
        assertEquals(Status.VERIFYING, InspectionWorkflow.next(Activity.INSPECTION, Status.VERIFYING, Action.VERIFY));
        assertEquals(Status.CONCLUDED, InspectionWorkflow.next(Activity.INSPECTION, Status.CONCLUDED, Action.RECORD_RECOVERY));
        assertEquals("supervision-no-conclusion", rule(() -> InspectionWorkflow.next(Activity.SUPERVISION, Status.WORKING, Action.CONCLUDE)));
        assertEquals("transition-allowed", rule(() -> InspectionWorkflow.next(Activity.SUPERVISION, Status.PLANNED, Action.DECIDE)));
        assertEquals("transition-allowed", rule(() -> InspectionWorkflow.next(Activity.INSPECTION, Status.ARCHIVED, Action.CANCEL)));
        assertEquals("field-work-after-notice", rule(() -> InspectionWorkflow.next(Activity.INSPECTION, Status.DECIDED, Action.VERIFY)));
        assertEquals("field-work-after-notice", rule(() -> InspectionWorkflow.next(Activity.INSPECTION, Status.PLANNED, Action.HEAR)));
        assertEquals(InspectionWorkflow.Actor.DECIDING_BODY, InspectionWorkflow.actor(Activity.INSPECTION, Action.CONCLUDE));
        assertEquals(InspectionWorkflow.Actor.TEAM, InspectionWorkflow.actor(Activity.INSPECTION, Action.DRAFT_REPORT_WRITTEN));
        assertEquals(InspectionWorkflow.Actor.DECIDING_BODY, InspectionWorkflow.actor(Activity.SUPERVISION, Action.ISSUE_RESULT));
    }

    @Test
    void theBodyMustExistAtItsUnitAndAStaffAgencyRunsNoInspectionOnSigns() {
        OrgUnitCopy ward = unit("COMMUNE", null, true, false);
        OrgUnitCopy cell = unit("CELL", ward, false, false);
        OrgUnitCopy agency = unit("STAFF_AGENCY", null, false, false);
        assertEquals(List.of(), body(DecidingBody.INSPECTION_COMMISSION, Kind.INSPECTION_ON_SIGNS, ward));
        assertEquals(List.of("body-of-unit"), body(DecidingBody.STANDING_COMMITTEE, Kind.THEMATIC_INSPECTION, ward));
        assertEquals(List.of("body-of-unit"), body(DecidingBody.COMMITTEE, Kind.THEMATIC_INSPECTION, cell));
        assertEquals(List.of(), body(DecidingBody.CELL, Kind.REGULAR_SUPERVISION, cell));
        assertEquals(List.of("kind-allowed-for-body"), body(DecidingBody.STAFF_AGENCY, Kind.INSPECTION_ON_SIGNS, agency));
        assertEquals(List.of(), body(DecidingBody.STAFF_AGENCY, Kind.THEMATIC_SUPERVISION, agency));
    }

    @Test
    void aConclusionReportsEveryBrokenRuleAtOnce() {
        OrgUnitCopy ward = unit("COMMUNE", null, true, false);
        Inspection supervision = new Inspection();
        supervision.kind = Kind.THEMATIC_SUPERVISION;
        InspectionParts.Subject s = new InspectionParts.Subject();
        s.type = SubjectType.ORG_UNIT;
        s.orgUnitId = ward.id;
        s.name = "Đảng bộ phường";
        InspectionRequests.Conclusion c = new InspectionRequests.Conclusion(LocalDate.of(2026, 11, 18), null, null, null, null, null,
                List.of(new InspectionRequests.ViolationEntry(ward.id, null, "Vi phạm", null, LocalDate.of(2025, 1, 1), null, false, true)),
                List.of(new InspectionRequests.RemediationEntry(ward.id, null, "Khắc phục", LocalDate.of(2026, 11, 1))),
                new InspectionRequests.Finance(10L, 5L), null);
        ProblemException e = assertThrows(ProblemException.class, () -> InspectionRules.checkConclusion(supervision, c, true, List.of(s),
                new InspectionRules.Directory(new HashMap<>(Map.of(ward.id, ward)), Map.of()), RULES, LocalDate.of(2026, 11, 20), TODAY));
        assertEquals(422, e.status());
        assertEquals(List.of("date-order", "supervision-no-discipline", "deadline-after-conclusion", "finance-amounts", "result-notice"),
                e.errors().stream().map(FieldError::rule).toList());
    }

    @Test
    void aSubjectCannotBeOnItsOwnTeamAndTheTeamHasOneLeader() {
        UUID subject = UUID.randomUUID();
        MemberCopy m = new MemberCopy();
        m.id = subject;
        m.fullName = "Nguyễn Văn Hùng";
        List<InspectionRules.ResolvedSubject> subjects = List.of(new InspectionRules.ResolvedSubject(SubjectType.MEMBER,
                UUID.randomUUID(), subject, "Nguyễn Văn Hùng", true));
        ProblemException e = assertThrows(ProblemException.class, () -> InspectionRules.checkTeam(List.of(
                new InspectionRequests.TeamMemberRef(subject, null, InspectionCodes.TeamRole.MEMBER)), true, subjects, Map.of(subject, m)));
        assertEquals(List.of("team-not-subject", "team-has-leader"), e.errors().stream().map(FieldError::rule).toList());
        assertEquals(1, InspectionRules.checkTeam(List.of(new InspectionRequests.TeamMemberRef(null, "Lê Văn Tám",
                InspectionCodes.TeamRole.LEADER)), true, subjects, Map.of()).size());
    }

    @Test
    void aStepIsNeitherInTheFutureNorBeforeTheStepBeforeIt() {
        List<FieldError> errors = new ArrayList<>();
        InspectionRules.stepDate(TODAY, "on", TODAY, TODAY, errors);
        assertTrue(errors.isEmpty());
        InspectionRules.stepDate(TODAY.plusDays(1), "on", null, TODAY, errors);
        InspectionRules.stepDate(TODAY.minusDays(2), "on", TODAY.minusDays(1), TODAY, errors);
        assertEquals(List.of("date-not-future", "date-order"), errors.stream().map(FieldError::rule).toList());
    }

    private static List<String> body(DecidingBody body, Kind kind, OrgUnitCopy unit) {
        List<FieldError> errors = new ArrayList<>();
        InspectionRules.checkBody(body, kind, unit, "decidingBody", RULES, errors);
        return errors.stream().map(FieldError::rule).toList();
    }

    private static OrgUnitCopy unit(String level, OrgUnitCopy parent, boolean ubkt, boolean btv) {
        OrgUnitCopy u = new OrgUnitCopy();
        u.id = UUID.randomUUID();
        u.level = level;
        u.hasUbkt = ubkt;
        u.hasBtv = btv;
        u.path = (parent == null ? "/" : parent.path) + u.id + "/";
        return u;
    }

    private static String rule(Runnable r) {
        return assertThrows(ProblemException.class, r::run).errors().get(0).rule();
    }

    /** The lists of the migration's rule set, as the service reads them. */
    private static RuleSet rules() {
        Map<String, RuleSet.Rule> rules = new HashMap<>();
        rules.put(InspectionRules.STAFF_AGENCY_LEVELS, rule("[\"STAFF_AGENCY\"]"));
        rules.put(InspectionRules.NOT_FOR_STAFF_AGENCIES, rule("[\"INSPECTION_ON_SIGNS\"]"));
        rules.put(InspectionRules.CELL_LEVELS, rule("[\"GRASSROOTS_CELL\", \"CELL\"]"));
        rules.put(InspectionRules.MAY_FIND_VIOLATIONS, rule("[\"THEMATIC_INSPECTION\", \"INSPECTION_ON_SIGNS\", \"INSPECTION_OF_KTGS_WORK\", \"FINANCE_INSPECTION\"]"));
        rules.put(InspectionRules.COMMITTEE_BODIES, rule("[\"COMMITTEE\", \"STANDING_COMMITTEE\", \"CELL_COMMITTEE\"]"));
        return new RuleSet("INSPECTION-QD296-2025", "inspection", "QĐ 296", "test", LocalDate.of(2025, 5, 30), null, rules);
    }

    private static RuleSet.Rule rule(String json) {
        try {
            JsonNode v = EventJson.mapper().readTree(json);
            return new RuleSet.Rule(v, "C", "test");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
