package vn.ktgs.discipline.cases;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.SelfCriticism;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.kit.membercopy.MemberCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.rules.RuleSet;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules a case's content and steps must keep (DOMAIN §6, §7.1-7.5): pure, every broken rule at once (422). */
public final class DisciplineRules {
    static final String FORMS = "discipline.forms.";
    static final String PROBATIONARY_FORMS = "discipline.forms.probationary";
    static final String NEED_POST = "discipline.forms.need-post";
    static final String MAY_BE_DISCIPLINED = "discipline.statuses.may-be-disciplined";
    static final String PROBATIONARY = "discipline.statuses.probationary";
    static final String DECEASED = "discipline.deceased";
    static final String DEFERRAL_GROUNDS = "discipline.deferral-grounds";
    static final String MITIGATING = "discipline.tags.mitigating";
    static final String AGGRAVATING = "discipline.tags.aggravating";

    private DisciplineRules() {
    }

    /** The subject's forms, least severe first. */
    static List<Form> formsOf(RuleSet rules, SubjectType type) {
        return rules.strings(FORMS + type.name()).stream().map(Form::valueOf).toList();
    }

    /**
     * Whether {@code form} fits the subject (§7.1): a form of its kind; a probationary member only KTr/CC; cách chức
     * only with a post held; a deceased member only for an especially serious violation. Null if it fits.
     */
    static FieldError formFits(RuleSet rules, SubjectType type, MemberCopy member, Form form, boolean especiallySerious,
                               LocalDate on, String field) {
        if (!rules.strings(FORMS + type.name()).contains(form.name())) {
            return new FieldError(field, "form-fits-subject", form + " is not a form for a " + (type == SubjectType.MEMBER
                    ? "member" : "party organisation") + "; the forms are " + rules.strings(FORMS + type.name()));
        }
        if (member == null) {
            return null;
        }
        if (rules.strings(PROBATIONARY).contains(member.status) && !rules.strings(PROBATIONARY_FORMS).contains(form.name())) {
            return new FieldError(field, "form-fits-subject", "a probationary member is only disciplined by "
                    + rules.strings(PROBATIONARY_FORMS));
        }
        if (rules.strings(NEED_POST).contains(form.name()) && !holdsPost(member, on)) {
            return new FieldError(field, "form-needs-post", form + " needs a post held, and the member holds none");
        }
        JsonNode deceased = rules.value(DECEASED);
        if (contains(deceased.path("statuses"), member.status)
                && !(especiallySerious && deceased.path("unlessEspeciallySerious").asBoolean())) {
            return new FieldError(field, "deceased-not-disciplined", "a deceased member is not disciplined unless the violation is especially serious");
        }
        return null;
    }

    static boolean holdsPost(MemberCopy m, LocalDate on) {
        return (m.statePosition != null && !m.statePosition.isBlank())
                || m.committeePosts.stream().anyMatch(s -> s.termEnd == null || !s.termEnd.isBefore(on));
    }

    /** The subject named by the draft, resolved from the directory copies; errors name the field. */
    static void checkSubject(DisciplineRequests.Draft d, MemberCopy member, OrgUnitCopy subjectUnit, OrgUnitCopy decidingUnit,
                             RuleSet rules, List<FieldError> errors) {
        if (d.subjectType() == SubjectType.MEMBER) {
            if (d.subjectMemberId() == null) {
                errors.add(new FieldError("subjectMemberId", "required", "a member's case names the member"));
            } else if (member == null) {
                errors.add(new FieldError("subjectMemberId", "member-exists", "member " + d.subjectMemberId() + " is not in the directory"));
            } else if (subjectUnit == null || !decidingUnit.contains(subjectUnit)) {
                errors.add(new FieldError("subjectMemberId", "subject-in-scope", "the member belongs to a unit outside the deciding unit's subtree"));
            } else if (!rules.strings(MAY_BE_DISCIPLINED).contains(member.status)) {
                errors.add(new FieldError("subjectMemberId", "subject-is-member", "a person whose status is " + member.status
                        + " is no longer a party member"));
            }
        } else {
            if (d.subjectOrgUnitId() == null) {
                errors.add(new FieldError("subjectOrgUnitId", "required", "an organisation's case names the org unit"));
            } else if (subjectUnit == null) {
                errors.add(new FieldError("subjectOrgUnitId", "unit-exists", "org unit " + d.subjectOrgUnitId() + " is not in the directory"));
            } else if (!decidingUnit.contains(subjectUnit) || decidingUnit.id.equals(subjectUnit.id)) {
                errors.add(new FieldError("subjectOrgUnitId", "subject-in-scope", "an organisation is disciplined by a body above it"));
            }
        }
    }

    static void checkContent(DisciplineRequests.Draft d, RuleSet rules, LocalDate today, List<FieldError> errors) {
        for (int i = 0; i < d.acts().size(); i++) {
            DisciplineRequests.ActRef a = d.acts().get(i);
            String f = "acts[" + i + "]";
            if (a.continuing() == (a.actTo() != null)) {
                errors.add(new FieldError(f + ".actTo", "act-dates", "an act either continues (no actTo) or has ended (actTo)"));
            }
            if (a.actTo() != null && a.actTo().isBefore(a.actFrom())) {
                errors.add(new FieldError(f + ".actTo", "date-order", "the act ends before it starts"));
            }
            notFuture(a.actFrom(), f + ".actFrom", today, errors);
            notFuture(a.actTo(), f + ".actTo", today, errors);
            if (a.exemptKind() != null && !rules.strings(Limitation.EXEMPT_KINDS).contains(a.exemptKind())) {
                errors.add(new FieldError(f + ".exemptKind", "code-known", "the exempt kinds are " + rules.strings(Limitation.EXEMPT_KINDS)));
            }
        }
        knownTags(d.mitigating(), rules.strings(MITIGATING), "mitigating", errors);
        knownTags(d.aggravating(), rules.strings(AGGRAVATING), "aggravating", errors);
        notFuture(d.decisionToInspectOn(), "decisionToInspectOn", today, errors);
        notFuture(d.concludedOn(), "concludedOn", today, errors);
    }

    /** A step's date: not in the future, not before the step before it. */
    static void stepDate(LocalDate on, String field, LocalDate after, LocalDate today, List<FieldError> errors) {
        notFuture(on, field, today, errors);
        if (on != null && after != null && on.isBefore(after)) {
            errors.add(new FieldError(field, "date-order", "the step cannot be dated before the step before it (" + after + ")"));
        }
    }

    static void checkDeferral(DisciplineRequests.Deferral d, RuleSet rules, List<FieldError> errors) {
        if (!rules.strings(DEFERRAL_GROUNDS).contains(d.ground())) {
            errors.add(new FieldError("ground", "deferral-ground", "a case is deferred only on the grounds " + rules.strings(DEFERRAL_GROUNDS)));
        }
        if (d.until().isBefore(d.on())) {
            errors.add(new FieldError("until", "date-order", "a deferral ends after it starts"));
        }
    }

    static void checkSelfCriticism(DisciplineRequests.SelfCriticismRecord s, List<FieldError> errors) {
        if (s.outcome() != SelfCriticism.MADE && (s.document() == null || s.document().isBlank())) {
            errors.add(new FieldError("document", "refusal-documented", "a self-criticism not made (" + s.outcome()
                    + ") needs the document that records it"));
        }
    }

    /** The ballot's own rules (§7.3): secret, a denominator left after exclusions, no more yes votes than voters. */
    static int checkBallot(DisciplineRequests.Ballot b, List<FieldError> errors) {
        if (!Boolean.TRUE.equals(b.secret())) {
            errors.add(new FieldError("secret", "secret-ballot", "discipline is voted by secret ballot"));
        }
        int excluded = b.excluded() == null ? 0 : b.excluded().stream().mapToInt(DisciplineRequests.Excluded::members).sum();
        Set<Object> reasons = new HashSet<>();
        if (b.excluded() != null && b.excluded().stream().anyMatch(e -> !reasons.add(e.reason()))) {
            errors.add(new FieldError("excluded", "unique", "each reason once"));
        }
        int denominator = b.official() - excluded;
        if (denominator <= 0) {
            errors.add(new FieldError("excluded", "denominator-positive", "the exclusions leave no one to vote"));
        }
        Set<Form> forms = new HashSet<>();
        int yes = 0;
        for (int i = 0; i < b.votes().size(); i++) {
            if (!forms.add(b.votes().get(i).form())) {
                errors.add(new FieldError("votes[" + i + "].form", "unique", "each form once"));
            }
            yes += b.votes().get(i).yes();
        }
        if (denominator > 0 && yes > denominator) {
            errors.add(new FieldError("votes", "vote-count", yes + " yes votes in all, more than the " + denominator
                    + " members who could vote (each voter backs one form at most)"));
        }
        return denominator;
    }

    private static void knownTags(List<String> tags, List<String> known, String field, List<FieldError> errors) {
        if (tags == null) {
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            if (!known.contains(tags.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "code-known", "the " + field + " factors are " + known));
            }
        }
    }

    private static void notFuture(LocalDate day, String field, LocalDate today, List<FieldError> errors) {
        if (day != null && day.isAfter(today)) {
            errors.add(new FieldError(field, "date-not-future", "the date " + day + " is in the future"));
        }
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
