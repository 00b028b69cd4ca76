package vn.ktgs.planning.org;

import vn.ktgs.kit.problem.ProblemException;

import java.time.LocalDate;

/** Where a unit may sit in the tree (DOMAIN §2). The facts come from {@link OrgLevel} rows, not from here. */
public final class OrgUnitRules {
    private OrgUnitRules() {
    }

    /** A unit of {@code level} may sit under {@code parent} on {@code day}; throws 422 naming the rule otherwise. */
    public static void checkPlacement(OrgLevel level, OrgLevel parentLevel, OrgUnit parent, LocalDate day) {
        if (!parent.active) {
            throw ProblemException.ruleViolated("parentId", "parent-active",
                    "the parent org unit " + parent.code + " is deactivated");
        }
        if (!level.inForceOn(day)) {
            throw ProblemException.ruleViolated("level", "level-in-force",
                    "level " + level.code + " is not in force on " + day + " (" + level.regulation + ")");
        }
        if (!level.fitsUnder(parentLevel.code)) {
            throw ProblemException.ruleViolated("level", "level-fits-parent",
                    "a unit of level " + level.code + " cannot sit under a unit of level " + parentLevel.code
                            + "; allowed parents: " + String.join(", ", level.parentLevels.stream().sorted().toList()));
        }
    }

    /** Only levels from đảng ủy cơ sở upward have an Inspection Commission (UBKT). */
    public static void checkCapabilities(OrgLevel level, boolean hasUbkt) {
        if (hasUbkt && !level.mayHaveUbkt) {
            throw ProblemException.ruleViolated("hasUbkt", "ubkt-allowed",
                    "a unit of level " + level.code + " cannot have an Inspection Commission (UBKT)");
        }
    }

    /** A unit cannot move under itself or under one of its own descendants. */
    public static void checkNoCycle(OrgUnit unit, OrgUnit newParent) {
        if (unit.contains(newParent)) {
            throw ProblemException.ruleViolated("parentId", "no-cycle",
                    "an org unit cannot move under itself or under one of its own units");
        }
    }
}
