package vn.ktgs.inspection.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.InspectionProgress;
import vn.ktgs.events.InspectionViolationFound;
import vn.ktgs.events.Origin;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.outbox.Outbox;

import java.time.Instant;
import java.util.List;

/** The inspection's events, written to the outbox in the transaction of the change they announce; key = inspection id. */
@ApplicationScoped
public class InspectionEvents {
    private final Outbox outbox;

    InspectionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** scheduled, started or concluded: what planning's fulfilment of the plan item follows. */
    void progress(Inspection i, String type, Instant at) {
        outbox.publish(Topics.INSPECTION, type, i.id.toString(), new InspectionProgress(i.id, i.planId, i.planItemId,
                i.decidingUnitId, at, i.kind.name(), origin(i)));
    }

    /** One event per violation that warrants discipline: discipline-service opens a case for each. */
    void violationsFound(Inspection i, List<InspectionParts.Violation> violations) {
        List<Outbox.Entry> entries = violations.stream().filter(v -> v.warrantsDiscipline).map(v -> new Outbox.Entry(i.id.toString(),
                new InspectionViolationFound(v.id, i.id, i.kind.name(), i.decidingUnitId, i.decidingBody.name(), v.subjectType.name(),
                        v.subjectOrgUnitId, v.subjectMemberId, v.subjectName, v.act, v.article, v.actFrom, v.actTo, v.continuing,
                        i.decisionDate, i.concludedOn, i.ruleSetId, new Origin("INSPECTION", i.id)))).toList();
        if (!entries.isEmpty()) {
            outbox.publishAll(Topics.INSPECTION, EventTypes.INSPECTION_VIOLATION_FOUND, entries);
        }
    }

    public static Origin origin(Inspection i) {
        return new Origin(i.originType.name(), i.originId);
    }
}
