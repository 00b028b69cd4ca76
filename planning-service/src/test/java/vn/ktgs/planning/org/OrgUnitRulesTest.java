package vn.ktgs.planning.org;

import org.junit.jupiter.api.Test;
import vn.ktgs.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The placement rules on plain objects: no database, no Quarkus. */
class OrgUnitRulesTest {
    private static final LocalDate AFTER_REFORM = LocalDate.of(2025, 9, 1);

    @Test
    void aLevelMaySitOnlyUnderTheParentsItsRowAllows() {
        OrgLevel cell = level("CELL", true, null, "COMMUNE", "PARTIAL");
        OrgUnit commune = unit("COMMUNE", true, null);
        assertDoesNotThrow(() -> OrgUnitRules.checkPlacement(cell, level("COMMUNE", true, null), commune, AFTER_REFORM));
        ProblemException e = assertThrows(ProblemException.class,
                () -> OrgUnitRules.checkPlacement(cell, level("PROVINCE", true, null), unit("PROVINCE", true, null), AFTER_REFORM));
        assertEquals(422, e.status());
        assertEquals("level-fits-parent", e.errors().get(0).rule());
    }

    @Test
    void theDistrictLevelEndsOnItsValidToDate() {
        OrgLevel district = level("DISTRICT", true, LocalDate.of(2025, 6, 30), "PROVINCE");
        OrgUnit province = unit("PROVINCE", true, null);
        OrgLevel provinceLevel = level("PROVINCE", true, null);
        assertDoesNotThrow(() -> OrgUnitRules.checkPlacement(district, provinceLevel, province, LocalDate.of(2025, 6, 30)));
        ProblemException e = assertThrows(ProblemException.class,
                () -> OrgUnitRules.checkPlacement(district, provinceLevel, province, LocalDate.of(2025, 7, 1)));
        assertEquals("level-in-force", e.errors().get(0).rule());
    }

    @Test
    void nothingGoesUnderADeactivatedParent() {
        ProblemException e = assertThrows(ProblemException.class, () -> OrgUnitRules.checkPlacement(
                level("CELL", true, null, "COMMUNE"), level("COMMUNE", true, null), unit("COMMUNE", false, null), AFTER_REFORM));
        assertEquals("parent-active", e.errors().get(0).rule());
    }

    @Test
    void onlyLevelsThatMayHaveAnInspectionCommissionHaveOne() {
        OrgLevel cell = level("CELL", true, null);
        cell.mayHaveUbkt = false;
        assertEquals("ubkt-allowed", assertThrows(ProblemException.class,
                () -> OrgUnitRules.checkCapabilities(cell, true)).errors().get(0).rule());
        assertDoesNotThrow(() -> OrgUnitRules.checkCapabilities(cell, false));
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsDescendants() {
        OrgUnit ward = unit("COMMUNE", true, null);
        OrgUnit cell = unit("CELL", true, ward);
        OrgUnit other = unit("COMMUNE", true, null);
        assertEquals("no-cycle", assertThrows(ProblemException.class, () -> OrgUnitRules.checkNoCycle(ward, cell)).errors().get(0).rule());
        assertThrows(ProblemException.class, () -> OrgUnitRules.checkNoCycle(ward, ward));
        assertDoesNotThrow(() -> OrgUnitRules.checkNoCycle(cell, other));
    }

    private static OrgLevel level(String code, boolean mayHaveUbkt, LocalDate validTo, String... parents) {
        OrgLevel l = new OrgLevel();
        l.code = code;
        l.mayHaveUbkt = mayHaveUbkt;
        l.validFrom = LocalDate.of(1930, 2, 3);
        l.validTo = validTo;
        l.regulation = "test";
        l.parentLevels = Set.of(parents);
        return l;
    }

    private static OrgUnit unit(String level, boolean active, OrgUnit parent) {
        OrgUnit u = new OrgUnit();
        u.id = UUID.randomUUID();
        u.level = level;
        u.code = level + "-" + u.id.toString().substring(0, 4);
        u.active = active;
        u.path = OrgUnit.childPath(parent, u.id);
        return u;
    }
}
