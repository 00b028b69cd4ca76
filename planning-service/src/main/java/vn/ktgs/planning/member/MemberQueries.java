package vn.ktgs.planning.member;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.orgcopy.OrgSubtree;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.text.VietnameseText;
import vn.ktgs.planning.member.MemberCodes.Status;
import vn.ktgs.planning.org.OrgUnit;

import java.util.List;
import java.util.UUID;

/** Reads of members, always within the caller's subtree ({@link MemberAuthority}). */
@ApplicationScoped
public class MemberQueries {
    private final MemberAuthority authority;
    private final MemberCitizenIds citizenIds;

    MemberQueries(MemberAuthority authority, MemberCitizenIds citizenIds) {
        this.authority = authority;
        this.citizenIds = citizenIds;
    }

    public Member visible(OrgUnit actorUnit, UUID id) {
        return authority.requireVisible(actorUnit, id, id == null ? null : Member.findById(id));
    }

    /** A member the caller may see, as it may see it. */
    public MemberViews.MemberView view(Member m) {
        return MemberViews.MemberView.of(m, citizenIds.shown(m.citizenIdSealed, authority.seesCitizenId()));
    }

    public List<MemberViews.HistoryEntry> history(OrgUnit actorUnit, UUID id) {
        Member m = visible(actorUnit, id);
        return MemberHistory.<MemberHistory>list("memberId = ?1 order by id", m.id).stream().map(MemberViews.HistoryEntry::of).toList();
    }

    /**
     * Members of {@code scope} (with {@code subtree}, of every unit below it too), by name. {@code q} matches the
     * name ignoring diacritics and case ("nguyen van hung" finds "Nguyễn Văn Hùng") or the card number exactly;
     * {@code citizenId} matches exactly, through its blind index.
     */
    public Page<Member> list(OrgUnit scope, boolean subtree, Status status, String q, String citizenId, PageParams paging) {
        StringBuilder where = new StringBuilder();
        Parameters params;
        if (subtree) {
            where.append(OrgSubtree.condition("unitId", "OrgUnit"));
            params = scope.subtree().parameters();
        } else {
            where.append("unitId = :unit");
            params = Parameters.with("unit", scope.id);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (fullNameFolded like :q escape '\\' or cardNumber = :card)");
            params.and("q", VietnameseText.containsPattern(q)).and("card", MemberState.normaliseCard(q));
        }
        if (citizenId != null && !citizenId.isBlank()) {
            if (!citizenId.strip().matches("\\d{12}")) {
                throw ProblemException.invalid("citizenId", "citizen-id-format", "a citizen ID (CCCD) is 12 digits");
            }
            where.append(" and citizenIdIndex in :citizen");
            params.and("citizen", citizenIds.indexes(citizenId));
        }
        var query = Member.<Member>find(where.toString(), Sort.by("fullNameFolded").and("id"), params);
        List<Member> items = query.page(io.quarkus.panache.common.Page.of(paging.page, paging.size)).list();
        return new Page<>(items, paging.page, paging.size, query.count());
    }
}
