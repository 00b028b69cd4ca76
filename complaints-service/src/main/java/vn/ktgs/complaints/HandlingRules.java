package vn.ktgs.complaints;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The checks every letter handled here shares, appeal or denunciation: who acts, from which status, on which day. */
public final class HandlingRules {
    /** The rule-set domain of denunciations and appeals. */
    public static final String RULE_DOMAIN = "complaints";

    private HandlingRules() {
    }

    /** The letter, or 404 (the same as unknown) unless its handling unit lies in the caller's subtree. */
    public static <T extends Letter> T visible(T letter, OrgUnitCopy actorUnit, String what, UUID id) {
        if (letter == null || !actorUnit.contains(OrgUnitCopy.findById(letter.handlingUnitId))) {
            throw ProblemException.notFound(what + " " + id);
        }
        return letter;
    }

    /** The letter locked for a change, visible to the caller and at the version the caller read (else 404 / 412). */
    public static <T extends Letter> T locked(EntityManager em, Class<T> type, OrgUnitCopy actorUnit, UUID id, long version, String what) {
        T letter = visible(em.find(type, id, LockModeType.PESSIMISTIC_WRITE), actorUnit, what, id);
        if (letter.version != version) {
            throw ProblemException.staleVersion(letter.version);
        }
        return letter;
    }

    /** A change to the letter: its next version, and when. */
    public static void changed(Letter letter, Clock clock) {
        letter.version++;
        letter.updatedAt = Instant.now(clock);
    }

    /** Statuses as an SQL list ({@code 'A', 'B'}) for the native queries of reports and periodic checks. */
    public static String sqlList(Set<? extends Enum<?>> statuses) {
        return String.join(", ", statuses.stream().map(s -> "'" + s.name() + "'").sorted().toList());
    }

    /** The working days a rule gives the handling unit's level ({@code {"CENTRAL": 180, "default": 90}}). */
    public static int workingDaysFor(JsonNode daysByLevel, OrgUnitCopy unit) {
        return daysByLevel.has(unit.level) ? daysByLevel.path(unit.level).asInt() : daysByLevel.path("default").asInt();
    }

    /** 403 unless the caller acts for the handling unit in one of {@code roles}. */
    public static void requireHandlingUnit(Caller caller, UUID handlingUnitId, OrgUnitCopy actorUnit, List<String> roles) {
        if (!actorUnit.id.equals(handlingUnitId) || roles.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("only the handling unit, in the roles " + roles + ", takes this step");
        }
    }

    /** 403 unless the caller has one of {@code roles}. */
    public static void requireRole(Caller caller, List<String> roles, String what) {
        if (roles.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("only the roles " + roles + " " + what);
        }
    }

    /** 409 naming the rule unless the letter's status is one of {@code from}. */
    public static <S extends Enum<S>> void requireStatus(S status, Set<S> from, String what) {
        if (!from.contains(status)) {
            throw ProblemException.conflict("status", "transition-allowed", "a letter that is " + status + " cannot be " + what
                    + "; allowed from " + from);
        }
    }

    /** 422 unless a step's day is neither in the future nor before the letter was received. */
    public static void checkStepDate(LocalDate receivedOn, LocalDate on, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (on.isAfter(today)) {
            errors.add(new FieldError("on", "date-not-future", "the date " + on + " is in the future"));
        }
        if (on.isBefore(receivedOn)) {
            errors.add(new FieldError("on", "date-order", "the step cannot be dated before the letter was received (" + receivedOn + ")"));
        }
        ProblemException.throwIfAny("step", errors);
    }
}
