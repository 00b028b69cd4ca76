package vn.ktgs.discipline.cases;

import vn.ktgs.kit.discipline.DisciplineTerms.Body;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.OriginType;
import vn.ktgs.discipline.cases.DisciplineCodes.SelfCriticism;
import vn.ktgs.discipline.cases.DisciplineCodes.Source;
import vn.ktgs.discipline.cases.DisciplineCodes.Status;
import vn.ktgs.kit.discipline.DisciplineTerms.SubjectCategory;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.discipline.cases.DisciplineCodes.ViolationGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What the discipline endpoints return. */
public final class DisciplineViews {
    private DisciplineViews() {
    }

    public record Origin(OriginType type, UUID id) {
    }

    public record ActView(int seq, String act, String article, ViolationGroup group, LocalDate actFrom, LocalDate actTo,
                          boolean continuing, String exemptKind, UUID violationId) {
        static ActView of(DisciplineParts.Act a) {
            return new ActView(a.seq, a.act, a.article, a.group, a.actFrom, a.actTo, a.continuing, a.exemptKind, a.violationId);
        }
    }

    public record FormVotes(Form form, int yes) {
    }

    public record Excluded(DisciplineCodes.Exclusion reason, int members) {
    }

    /** The secret ballot as recorded, and what it resolved. */
    public record VoteView(LocalDate on, int official, List<Excluded> excluded, int denominator, List<FormVotes> votes, Form result,
                           Boolean expulsionProposalReached) {
    }

    /** Where the file went when the body could not decide it. */
    public record Proposal(UUID unitId, Body body, UUID caseId) {
    }

    /** The decision, its limitation check and its effect. {@code executed} is false when the limitation had expired. */
    public record DecisionView(String decisionNumber, LocalDate on, Form form, LocalDate limitationLastDay, boolean limitationExpired,
                               boolean executed, LocalDate announcedOn, LocalDate effectUntil, LocalDate appealWindowEnds,
                               LocalDate reportedUpOn, LocalDate effectEndedOn, boolean inEffect, UUID appealPendingId,
                               Appeal appeal) {
    }

    /** The last appeal decision applied to the decision. */
    public record Appeal(UUID appealId, String outcome, LocalDate decidedOn) {
    }

    public record CaseView(UUID id, SubjectType subjectType, UUID subjectMemberId, UUID subjectOrgUnitId, String subjectName,
                           SubjectCategory subjectCategory, UUID decidingUnitId, Body decidingBody, Source source, Origin origin,
                           String summary, Status status, String ruleSetId, Form proposedForm, boolean especiallySerious,
                           boolean higherLevelTask, List<String> mitigating, List<String> aggravating, LocalDate decisionToInspectOn,
                           LocalDate concludedOn, String deferralGround, LocalDate deferredUntil, SelfCriticism selfCriticism,
                           Form selfProposedForm, LocalDate heardOn, VoteView vote, Proposal proposedTo, DecisionView decision,
                           List<ActView> acts, long version, Instant createdAt, Instant updatedAt) {
    }

    static CaseView of(DisciplineCase c, LocalDate today) {
        VoteView vote = null;
        if (c.voteOn != null) {
            vote = new VoteView(c.voteOn, c.voteOfficial,
                    DisciplineParts.VoteExclusion.of(c.id).stream().map(e -> new Excluded(e.reason, e.members)).toList(),
                    c.voteDenominator, DisciplineParts.Vote.of(c.id).stream()
                    .sorted((a, b) -> b.form.compareTo(a.form)).map(v -> new FormVotes(v.form, v.yes)).toList(),
                    c.voteResultForm, c.expulsionProposalReached);
        }
        DecisionView decision = c.decidedOn == null ? null : new DecisionView(c.decisionNumber, c.decidedOn, c.decidedForm,
                c.limitationLastDay, Boolean.TRUE.equals(c.limitationExpired), !Boolean.TRUE.equals(c.limitationExpired), c.announcedOn,
                c.effectUntil, c.appealWindowEnds, c.reportedUpOn, c.effectEndedOn, inEffect(c, today), c.appealPendingId,
                c.appealId == null ? null : new Appeal(c.appealId, c.appealOutcome, c.appealDecidedOn));
        return new CaseView(c.id, c.subjectType, c.subjectMemberId, c.subjectOrgUnitId, c.subjectName, c.subjectCategory,
                c.decidingUnitId, c.decidingBody, c.source, new Origin(c.originType, c.originId), c.summary, c.status, c.ruleSetId,
                c.proposedForm, c.especiallySerious, c.higherLevelTask, Arrays.asList(c.mitigating), Arrays.asList(c.aggravating),
                c.decisionToInspectOn, c.concludedOn, c.deferralGround, c.deferredUntil, c.selfCriticism, c.selfProposedForm, c.heardOn,
                vote, c.proposedToUnitId == null ? null : new Proposal(c.proposedToUnitId, c.proposedToBody, c.proposalCaseId), decision,
                DisciplineParts.Act.of(c.id).stream().map(ActView::of).toList(), c.version, c.createdAt, c.updatedAt);
    }

    /** From the announcement until the effect is ended, however long a hold keeps it past effectUntil; the restrictions follow it. */
    static boolean inEffect(DisciplineCase c, LocalDate today) {
        return (c.status == Status.ANNOUNCED || c.status == Status.REPORTED_UP) && !today.isBefore(c.announcedOn);
    }

    public record CaseSummary(UUID id, SubjectType subjectType, UUID subjectMemberId, UUID subjectOrgUnitId, String subjectName,
                              UUID decidingUnitId, Body decidingBody, Source source, String summary, Status status, Form form,
                              LocalDate decidedOn, LocalDate announcedOn, LocalDate effectUntil, long version, Instant updatedAt) {
        static CaseSummary of(DisciplineCase c) {
            return new CaseSummary(c.id, c.subjectType, c.subjectMemberId, c.subjectOrgUnitId, c.subjectName, c.decidingUnitId,
                    c.decidingBody, c.source, c.summary, c.status, c.decidedForm != null ? c.decidedForm : c.voteResultForm,
                    c.decidedOn, c.announcedOn, c.effectUntil, c.version, c.updatedAt);
        }
    }

    public record StepView(String action, Status fromStatus, Status toStatus, LocalDate on, String summary, String document,
                           String actor, Instant at) {
        static StepView of(DisciplineParts.Step s) {
            return new StepView(s.action, s.fromStatus, s.toStatus, s.onDate, s.summary, s.document, s.actor, s.at);
        }
    }

    public record History(UUID id, List<StepView> steps) {
    }

    /** A decision in effect on a member and what it forbids today (§6). */
    public record MemberRestriction(UUID caseId, Form form, LocalDate announcedOn, LocalDate effectUntil,
                                    List<DisciplineEffect.Restriction> restrictions) {
    }

    public record MemberRestrictions(UUID memberId, LocalDate on, List<MemberRestriction> decisions) {
    }
}
