package vn.ktgs.planning.member;

import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.planning.member.MemberCodes.Body;
import vn.ktgs.planning.member.MemberCodes.Post;
import vn.ktgs.planning.member.MemberCodes.Status;
import vn.ktgs.planning.member.MemberRequests.CommitteePost;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules a member record must keep (DOMAIN §2, §4): the identifiers' formats, a unit in the caller's
 * subtree, dates that have happened, a managing unit (diện quản lý) and committee seats at or above the
 * member's unit, on bodies the unit has. Pure: units come in through {@code unitOf}; every broken rule is
 * returned at once, each with its field.
 */
public final class MemberRules {
    private static final Pattern CARD = Pattern.compile("[0-9A-Z][0-9A-Z./-]{0,31}");
    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");

    private MemberRules() {
    }

    /** What the rules need of an org unit. */
    public record Unit(UUID id, String path, boolean hasUbkt, boolean hasBtv) {
        boolean isAtOrAbove(Unit other) {
            return other.path.contains("/" + id + "/");
        }
    }

    /**
     * The broken rules of {@code s} (its raw {@code citizenId} checked for format unless null: unchanged), fields
     * prefixed with {@code at}.
     * {@code unitOf} finds any unit (null if unknown); {@code scope} is the caller's own unit.
     */
    public static List<FieldError> check(String at, MemberState s, String citizenId, Function<UUID, Unit> unitOf, Unit scope,
                                         LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!CARD.matcher(s.cardNumber()).matches()) {
            errors.add(new FieldError(at + "cardNumber", "card-number-format",
                    "a party card number is 1 to 32 letters, digits, '.', '/' or '-'"));
        }
        if (citizenId != null && !CITIZEN_ID.matcher(citizenId.strip()).matches()) {
            errors.add(new FieldError(at + "citizenId", "citizen-id-format", "a citizen ID (CCCD) is 12 digits"));
        }
        Unit unit = unitOf.apply(s.unitId());
        if (unit == null || !scope.isAtOrAbove(unit)) {
            errors.add(new FieldError(at + "unitId", "unit-in-scope", "org unit " + s.unitId() + " does not exist in the caller's scope"));
        }
        notFuture(errors, at + "admittedDate", s.admittedDate(), today);
        notFuture(errors, at + "officialDate", s.officialDate(), today);
        notFuture(errors, at + "statusSince", s.statusSince(), today);
        if (s.admittedDate() != null && s.officialDate() != null && s.officialDate().isBefore(s.admittedDate())) {
            errors.add(new FieldError(at + "officialDate", "official-after-admitted",
                    "a member becomes official (chính thức) after being admitted"));
        }
        if (s.status() == Status.PROBATIONARY && s.officialDate() != null) {
            errors.add(new FieldError(at + "officialDate", "probationary-not-official",
                    "a probationary member (dự bị) has no official date yet"));
        }
        if (unit == null) {
            return errors; // the rules below place things relative to the member's unit
        }
        if (s.managingUnitId() != null) {
            Unit managing = unitOf.apply(s.managingUnitId());
            if (managing == null || !managing.isAtOrAbove(unit)) {
                errors.add(new FieldError(at + "managingUnitId", "managing-unit-above",
                        "the managing unit (diện quản lý) is the member's unit or a unit above it"));
            }
        }
        for (int i = 0; i < s.committeePosts().size(); i++) {
            checkPost(errors, at + "committeePosts[" + i + "].", s.committeePosts().get(i), unit, unitOf);
        }
        return errors;
    }

    /** 409 unless a member with this status may move to another unit: not after expulsion, striking off or death. */
    public static void checkTransferable(Status status) {
        if (!status.transferable()) {
            throw ProblemException.conflict("status", "transfer-allowed", "a member whose status is " + status + " ("
                    + status.labelVi + ") cannot be transferred");
        }
    }

    /** 422 with every error, if any. */
    static void requireNone(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "rule-violated", "The member breaks a rule",
                    errors.size() + " rule(s) broken: " + errors.get(0).message(), errors);
        }
    }

    private static void checkPost(List<FieldError> errors, String at, CommitteePost p, Unit memberUnit, Function<UUID, Unit> unitOf) {
        Unit body = unitOf.apply(p.unitId());
        if (body == null || !body.isAtOrAbove(memberUnit)) {
            errors.add(new FieldError(at + "unitId", "post-unit-above-member",
                    "a committee seat is on a body of the member's unit or a unit above it"));
        } else if (p.body() == Body.UBKT && !body.hasUbkt()) {
            errors.add(new FieldError(at + "body", "unit-has-ubkt", "the unit has no inspection commission (UBKT)"));
        } else if (p.body() == Body.STANDING_COMMITTEE && !body.hasBtv()) {
            errors.add(new FieldError(at + "body", "unit-has-btv", "the unit has no standing committee (BTV)"));
        }
        boolean commissionPost = p.post() == Post.CHAIR || p.post() == Post.DEPUTY_CHAIR;
        boolean secretaryPost = p.post() == Post.SECRETARY || p.post() == Post.DEPUTY_SECRETARY;
        if ((commissionPost && p.body() != Body.UBKT) || (secretaryPost && p.body() == Body.UBKT)) {
            errors.add(new FieldError(at + "post", "post-fits-body",
                    "a UBKT has a chair (chủ nhiệm) and deputies; committees have secretaries (bí thư)"));
        }
        if (p.termStart() != null && p.termEnd() != null && p.termEnd().isBefore(p.termStart())) {
            errors.add(new FieldError(at + "termEnd", "term-order", "a term ends after it starts"));
        }
    }

    private static void notFuture(List<FieldError> errors, String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            errors.add(new FieldError(field, "date-not-future", "the date " + date + " has not come yet (today is " + today + ")"));
        }
    }
}
