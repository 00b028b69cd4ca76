package vn.ktgs.planning.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.web.RequestInfo;
import vn.ktgs.planning.org.OrgUnit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Members, the commands: create, update, transfer. Each one locks the member, checks the caller
 * ({@link MemberAuthority}) and the rules ({@link MemberRules}), then writes the member, its history, an
 * audit record and its event ({@link MemberEvents}) in one transaction. Bulk import is {@link MemberImport};
 * reads are {@link MemberQueries}.
 */
@ApplicationScoped
public class Members {
    private final EntityManager em;
    private final MemberAuthority authority;
    private final MemberCitizenIds citizenIds;
    private final MemberEvents events;
    private final Audit audit;
    private final Caller caller;
    private final RequestInfo request;
    private final Clock clock;

    Members(EntityManager em, MemberAuthority authority, MemberCitizenIds citizenIds, MemberEvents events, Audit audit,
            Caller caller, RequestInfo request, Clock clock) {
        this.em = em;
        this.authority = authority;
        this.citizenIds = citizenIds;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.request = request;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Member create(OrgUnit actorUnit, MemberRequests.Details d) {
        MemberState s = MemberState.of(d, citizenIds.index(d.citizenId()));
        check(actorUnit, s, d.citizenId());
        requireUnique(s, null);
        Member m = new Member();
        m.id = UUID.randomUUID();
        m.apply(s);
        m.citizenIdSealed = citizenIds.seal(d.citizenId());
        m.version = 1;
        m.createdAt = Instant.now(clock);
        m.updatedAt = m.createdAt;
        m.persist();
        em.flush(); // the history row references the member
        changed(m, "CREATED", null, m.unitId, MemberState.EMPTY.changesTo(s), null);
        return m;
    }

    /** Replaces a member's record; the unit changes only by {@link #transfer}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member update(OrgUnit actorUnit, UUID id, long expectedVersion, MemberRequests.Details d) {
        Member m = lockVisible(actorUnit, id, expectedVersion);
        if (!m.unitId.equals(d.unitId())) {
            throw ProblemException.ruleViolated("unitId", "unit-changes-by-transfer",
                    "a member moves to another unit through POST /api/v1/members/{id}/transfer");
        }
        MemberState before = m.state();
        MemberState after = MemberState.of(d, citizenIds.index(d.citizenId()));
        check(actorUnit, after, d.citizenId());
        requireUnique(after, m.id);
        Map<String, Object> changes = before.changesTo(after);
        if (changes.isEmpty()) {
            return m;
        }
        m.apply(after);
        if (changes.containsKey("citizenId")) {
            m.citizenIdSealed = citizenIds.seal(d.citizenId());
        }
        m.version++;
        m.updatedAt = Instant.now(clock);
        changed(m, "UPDATED", null, null, changes, null);
        return m;
    }

    /** Chuyển sinh hoạt đảng: to another unit in the caller's scope; the history keeps the unit left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member transfer(OrgUnit actorUnit, UUID id, long expectedVersion, MemberRequests.Transfer t) {
        Member m = lockVisible(actorUnit, id, expectedVersion);
        if (m.unitId.equals(t.toUnitId())) {
            return m;
        }
        MemberRules.checkTransferable(m.status);
        MemberState before = m.state();
        MemberState after = before.withUnit(t.toUnitId());
        // the member's record must still hold at the new unit (its seats and managing unit above it)
        MemberRules.requireNone(MemberRules.check("", after, null, this::unit, MemberAuthority.unitOf(actorUnit), today()).stream()
                .map(e -> e.field().equals("unitId") ? new FieldError("toUnitId", e.rule(), e.message()) : e).toList());
        m.apply(after);
        m.version++;
        m.updatedAt = Instant.now(clock);
        changed(m, "TRANSFERRED", before.unitId(), after.unitId(), before.changesTo(after), t.reason());
        return m;
    }

    private void check(OrgUnit actorUnit, MemberState s, String citizenId) {
        MemberRules.requireNone(MemberRules.check("", s, citizenId, this::unit, MemberAuthority.unitOf(actorUnit), today()));
    }

    /** 409 for a card number or citizen ID another member has; a race past this check is the unique index's (also 409). */
    private static void requireUnique(MemberState s, UUID self) {
        if (Member.count("cardNumber = ?1 and id <> ?2", s.cardNumber(), self == null ? new UUID(0, 0) : self) > 0) {
            throw ProblemException.conflict("cardNumber", "card-number-unique", "another member has party card number " + s.cardNumber());
        }
        if (Member.count("citizenIdIndex = ?1 and id <> ?2", s.citizenIdIndex(), self == null ? new UUID(0, 0) : self) > 0) {
            throw ProblemException.conflict("citizenId", "citizen-id-unique", "another member has this citizen ID");
        }
    }

    private MemberRules.Unit unit(UUID id) {
        return id == null ? null : MemberAuthority.unitOf(OrgUnit.findById(id));
    }

    private Member lockVisible(OrgUnit actorUnit, UUID id, long expectedVersion) {
        Member m = authority.requireVisible(actorUnit, id, id == null ? null : em.find(Member.class, id, LockModeType.PESSIMISTIC_WRITE));
        if (expectedVersion != m.version) {
            throw ProblemException.staleVersion(m.version);
        }
        return m;
    }

    private void changed(Member m, String action, UUID fromUnit, UUID toUnit, Map<String, Object> changes, String reason) {
        MemberHistory h = new MemberHistory();
        h.memberId = m.id;
        h.version = m.version;
        h.action = action;
        h.fromUnitId = fromUnit;
        h.toUnitId = toUnit;
        h.changes = MemberJson.write(changes);
        h.reason = reason;
        h.actor = caller.subject();
        h.requestId = request.requestId();
        h.at = m.updatedAt;
        h.persist();
        events.upserted(m.id, m.state(), m.version, m.updatedAt);
        audit.record("member." + action.toLowerCase(), "member", m.id, Map.of("version", m.version, "fields", changes.keySet()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
