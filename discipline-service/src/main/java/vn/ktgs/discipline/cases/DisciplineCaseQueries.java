package vn.ktgs.discipline.cases;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.Status;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.paging.ListQuery;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.rules.RuleSets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of discipline cases, always within the caller's subtree ({@link DisciplineAuthority}). */
@ApplicationScoped
public class DisciplineCaseQueries {
    private final DisciplineAuthority authority;
    private final RuleSets ruleSets;
    private final Clock clock;

    DisciplineCaseQueries(DisciplineAuthority authority, RuleSets ruleSets, Clock clock) {
        this.authority = authority;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    public DisciplineViews.CaseView view(OrgUnitCopy actorUnit, UUID id) {
        return view(authority.requireVisible(actorUnit, id, DisciplineCase.findById(id)));
    }

    public DisciplineViews.CaseView view(DisciplineCase c) {
        return DisciplineViews.of(c, LocalDate.now(clock));
    }

    public DisciplineViews.History history(OrgUnitCopy actorUnit, UUID id) {
        DisciplineCase c = authority.requireVisible(actorUnit, id, DisciplineCase.findById(id));
        return new DisciplineViews.History(c.id, DisciplineParts.Step.of(c.id).stream().map(DisciplineViews.StepView::of).toList());
    }

    /** The filters of the list; any may be null. {@code year}: decided that year. */
    public record Filter(Status status, Form form, SubjectType subjectType, UUID subjectMemberId, UUID subjectOrgUnitId, Integer year,
                         String q) {
    }

    /** Cases before {@code scope} (and, with {@code subtree}, every unit below it), latest change first. */
    public Page<DisciplineCase> list(OrgUnitCopy scope, boolean subtree, Filter f, PageParams paging) {
        ListQuery q = ListQuery.within(scope, subtree, "decidingUnitId").equal("status", f.status()).equal("decidedForm", f.form())
                .equal("subjectType", f.subjectType()).equal("subjectMemberId", f.subjectMemberId())
                .equal("subjectOrgUnitId", f.subjectOrgUnitId()).inYear("decidedOn", f.year()).contains("summaryFolded", f.q());
        return ListQuery.page(DisciplineCase.find(q.where(), Sort.descending("updatedAt").and("id"), q.parameters()), paging);
    }

    /**
     * The decisions in effect on a member today and what each forbids (§6), among the cases the caller may see; a
     * cách chức keeps its own restrictions for the year after it.
     */
    public DisciplineViews.MemberRestrictions restrictions(OrgUnitCopy actorUnit, UUID memberId) {
        LocalDate today = LocalDate.now(clock);
        List<DisciplineCase> cases = DisciplineCase.list("subjectMemberId = ?1 and status in ?2 order by announcedOn", memberId,
                List.of(Status.ANNOUNCED, Status.REPORTED_UP, Status.EFFECT_ENDED));
        List<DisciplineViews.MemberRestriction> out = new ArrayList<>();
        for (DisciplineCase c : cases) {
            if (!actorUnit.contains(OrgUnitCopy.findById(c.decidingUnitId))) {
                continue;
            }
            var rules = ruleSets.byId(c.ruleSetId).orElseThrow();
            // in effect as the case shows it: until the effect is ended, which a hold may put off past effectUntil
            var restrictions = DisciplineEffect.restrictions(rules, c.decidedForm, c.announcedOn, c.effectUntil,
                    DisciplineViews.inEffect(c, today), today);
            if (!restrictions.isEmpty()) {
                out.add(new DisciplineViews.MemberRestriction(c.id, c.decidedForm, c.announcedOn, c.effectUntil, restrictions));
            }
        }
        return new DisciplineViews.MemberRestrictions(memberId, today, out);
    }
}
