package vn.ktgs.kit.discipline;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.kit.discipline.DisciplineTerms.SubjectCategory;
import vn.ktgs.kit.membercopy.MemberCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.rules.RuleSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which body may decide which form for which subject (DOMAIN §3.1, §3.2), read from the rule set's authority rows;
 * and, for a body without that authority, the body the case is proposed up to. Pure: units come through a lookup.
 * Discipline decides cases with it; complaints checks an appeal's changed form with it. The rows are the rule set's:
 * discipline's own sets, which {@code db/discipline-authority} also gives complaints.
 */
public final class FormAuthority {
    /** The rule-set domain of the discipline sets, whose authority rows both services read. */
    public static final String RULE_DOMAIN = "discipline";
    private static final String LEVEL_GROUPS = "discipline.level-groups";
    private static final String MEMBER_ROWS = "discipline.authority.members";
    private static final String ORG_ROWS = "discipline.authority.org-units";
    private static final String PROPOSE_ORDER = "discipline.propose-order";

    private FormAuthority() {
    }

    /** The level group of the unit (CELL, GRASSROOTS, UPPER, …), or null for a unit no row names (a staff agency). */
    public static String group(RuleSet rules, OrgUnitCopy unit) {
        var it = rules.value(LEVEL_GROUPS).fields();
        while (it.hasNext()) {
            var e = it.next();
            for (JsonNode level : e.getValue().path("levels")) {
                if (level.asText().equals(unit.level)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** The bodies the unit has: those of its level group, a BTV only with has_btv, a UBKT only with has_ubkt. */
    public static List<Body> bodiesOf(RuleSet rules, OrgUnitCopy unit) {
        String group = group(rules, unit);
        List<Body> out = new ArrayList<>();
        if (group == null) {
            return out;
        }
        for (JsonNode b : rules.value(LEVEL_GROUPS).path(group).path("bodies")) {
            Body body = Body.valueOf(b.asText());
            if ((body != Body.STANDING_COMMITTEE || unit.hasBtv) && (body != Body.INSPECTION_COMMISSION || unit.hasUbkt)) {
                out.add(body);
            }
        }
        return out;
    }

    /**
     * How the member stands to the deciding unit: a same-level cấp ủy viên (a seat on its committee or standing
     * committee), a cadre managed above it (by the managing unit, or a seat on the committee of a unit above: a
     * province's cấp ủy viên is the province's cadre wherever their cell is), a cấp ủy viên of a unit below it, or an
     * ordinary member. Only seats whose term has begun and not ended count.
     */
    public static SubjectCategory category(MemberCopy m, OrgUnitCopy decidingUnit, Function<UUID, OrgUnitCopy> units, LocalDate on) {
        List<MemberCopy.Seat> seats = m.committeePosts.stream()
                .filter(s -> (s.termStart == null || !s.termStart.isAfter(on)) && (s.termEnd == null || !s.termEnd.isBefore(on)))
                .toList();
        if (seats.stream().anyMatch(s -> decidingUnit.id.equals(s.unitId) && committeeSeat(s))) {
            return SubjectCategory.SAME_LEVEL_COMMITTEE_MEMBER;
        }
        if ((m.managingUnitId != null && decidingUnit.ancestorIds().contains(m.managingUnitId))
                || seats.stream().anyMatch(s -> committeeSeat(s) && decidingUnit.ancestorIds().contains(s.unitId))) {
            return SubjectCategory.HIGHER_MANAGED;
        }
        if (seats.stream().anyMatch(s -> !decidingUnit.id.equals(s.unitId) && decidingUnit.contains(units.apply(s.unitId)))) {
            return SubjectCategory.LOWER_LEVEL_COMMITTEE_MEMBER;
        }
        return SubjectCategory.ORDINARY;
    }

    private static boolean committeeSeat(MemberCopy.Seat s) {
        return "COMMITTEE".equals(s.body) || "STANDING_COMMITTEE".equals(s.body);
    }

    /** The forms {@code body} of {@code unit} may decide for a member of {@code category}. */
    public static Set<Form> memberForms(RuleSet rules, Body body, OrgUnitCopy unit, SubjectCategory category, boolean higherLevelTask) {
        Set<Form> out = EnumSet.noneOf(Form.class);
        String group = group(rules, unit);
        if (group == null || !bodiesOf(rules, unit).contains(body)) {
            return out;
        }
        for (JsonNode row : rules.value(MEMBER_ROWS)) {
            if (!row.path("group").asText().equals(group) || !row.path("body").asText().equals(body.name())
                    || !contains(row.path("subjects"), category.name())
                    || (higherLevelTask && row.path("notForHigherLevelTasks").asBoolean(false))) {
                continue;
            }
            for (JsonNode f : row.path("forms")) {
                if (!unit.authorisedToAdmit && contains(row.path("onlyIfAuthorisedToAdmit"), f.asText())) {
                    continue;
                }
                out.add(Form.valueOf(f.asText()));
            }
        }
        return out;
    }

    /** The forms {@code body} of {@code unit} may decide for the organisation {@code subject} below it. */
    public static Set<Form> orgForms(RuleSet rules, Body body, OrgUnitCopy unit, OrgUnitCopy subject) {
        Set<Form> out = EnumSet.noneOf(Form.class);
        String group = group(rules, unit);
        if (group == null || !bodiesOf(rules, unit).contains(body) || !unit.contains(subject)) {
            return out;
        }
        int depth = subject.ancestorIds().size() - unit.ancestorIds().size();
        for (JsonNode row : rules.value(ORG_ROWS)) {
            if (contains(row.path("groups"), group) && contains(row.path("bodies"), body.name())
                    && depth >= row.path("minDepth").asInt() && depth <= row.path("maxDepth").asInt()) {
                row.path("forms").forEach(f -> out.add(Form.valueOf(f.asText())));
            }
        }
        return out;
    }

    /** A body of a unit. */
    public record Seat(OrgUnitCopy unit, Body body) {
    }

    /** The forms a body may decide for this case's subject, the subject's standing recomputed for that body's unit. */
    @FunctionalInterface
    public interface FormsAt {
        Set<Form> at(OrgUnitCopy unit, Body body);
    }

    /**
     * Where a body without authority for {@code form} proposes the case: the first body, first at its own unit (in
     * the rule set's order, other than itself) then at each unit above, that may decide it. Empty if none may.
     */
    public static Optional<Seat> proposalTarget(RuleSet rules, Seat from, Form form, FormsAt formsAt, Function<UUID, OrgUnitCopy> units) {
        List<String> order = rules.strings(PROPOSE_ORDER);
        List<OrgUnitCopy> chain = new ArrayList<>();
        chain.add(from.unit());
        List<UUID> above = new ArrayList<>(from.unit().ancestorIds());
        java.util.Collections.reverse(above);
        for (UUID id : above) {
            OrgUnitCopy u = units.apply(id);
            if (u != null) {
                chain.add(u);
            }
        }
        for (OrgUnitCopy u : chain) {
            List<Body> bodies = bodiesOf(rules, u);
            for (String name : order) {
                Body b = Body.valueOf(name);
                if (bodies.contains(b) && !(u == from.unit() && b == from.body()) && formsAt.at(u, b).contains(form)) {
                    return Optional.of(new Seat(u, b));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
