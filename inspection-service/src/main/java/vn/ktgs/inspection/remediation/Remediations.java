package vn.ktgs.inspection.remediation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ktgs.inspection.inspection.Inspection;
import vn.ktgs.inspection.inspection.InspectionCodes.RemediationStatus;
import vn.ktgs.inspection.inspection.InspectionRules;
import vn.ktgs.kit.audit.Audit;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.text.VietnameseText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Remediation items, the commands: the subject reports what it remedied. An item is visible to callers above its
 * inspection's deciding unit and to those of the unit that must remedy it (and above it); reports come from the
 * owner unit's officers or committee, or from the deciding unit's team.
 */
@ApplicationScoped
public class Remediations {
    private static final Set<String> REPORTING_ROLES = Set.of(Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE);

    private final EntityManager em;
    private final Audit audit;
    private final Caller caller;
    private final Clock clock;

    Remediations(EntityManager em, Audit audit, Caller caller, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** 404 unless the caller's unit contains the deciding unit or the owner unit. */
    public static RemediationItem requireVisible(OrgUnitCopy actorUnit, UUID id, RemediationItem item) {
        if (item == null) {
            throw ProblemException.notFound("remediation item " + id);
        }
        Inspection i = Inspection.findById(item.inspectionId);
        if (!actorUnit.contains(OrgUnitCopy.findById(i.decidingUnitId)) && !actorUnit.contains(OrgUnitCopy.findById(item.ownerUnitId))) {
            throw ProblemException.notFound("remediation item " + id);
        }
        return item;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RemediationItem report(OrgUnitCopy actorUnit, UUID id, long version, RemediationRequests.Report r) {
        RemediationItem item = requireVisible(actorUnit, id, em.find(RemediationItem.class, id, LockModeType.PESSIMISTIC_WRITE));
        if (item.version != version) {
            throw ProblemException.staleVersion(item.version);
        }
        Inspection i = Inspection.findById(item.inspectionId);
        boolean ownUnit = actorUnit.id.equals(item.ownerUnitId) || actorUnit.id.equals(i.decidingUnitId);
        if (!ownUnit || REPORTING_ROLES.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("the unit that remedies the item, or the deciding unit's team, reports on it");
        }
        if (item.status == RemediationStatus.DONE) {
            throw ProblemException.conflict("status", "transition-allowed", "the item is done already");
        }
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        InspectionRules.stepDate(r.on(), "on", i.concludedOn, today, errors);
        if (r.status() == RemediationStatus.OPEN) {
            errors.add(new FieldError("status", "report-status", "a report says IN_PROGRESS or DONE"));
        }
        ProblemException.throwIfAny("report", errors);
        Instant now = Instant.now(clock);
        RemediationReport report = new RemediationReport();
        report.itemId = item.id;
        report.onDate = r.on();
        report.status = r.status();
        report.summary = VietnameseText.normalise(r.summary());
        report.actor = caller.subject();
        report.at = now;
        report.persist();
        item.status = r.status();
        item.doneOn = r.status() == RemediationStatus.DONE ? r.on() : null;
        item.version++;
        item.updatedAt = now;
        audit.record("remediation.report", "remediation_item", item.id, Map.of("status", r.status().name(), "on", r.on().toString()));
        return item;
    }
}
