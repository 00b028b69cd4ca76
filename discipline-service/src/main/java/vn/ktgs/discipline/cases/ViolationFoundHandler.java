package vn.ktgs.discipline.cases;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.InspectionViolationFound;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;

import java.util.Set;

/** Opens a case (source INSPECTION) for each violation an inspection's conclusion found to warrant discipline. */
@ApplicationScoped
public class ViolationFoundHandler implements EventHandler {
    private static final Set<String> SUBJECT_TYPES = Set.of("MEMBER", "ORG_UNIT");

    private final DisciplineCases cases;

    ViolationFoundHandler(DisciplineCases cases) {
        this.cases = cases;
    }

    @Override
    public String topic() {
        return Topics.INSPECTION;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!EventTypes.INSPECTION_VIOLATION_FOUND.equals(event.type())) {
            return;
        }
        InspectionViolationFound v = EventHandler.data(event, InspectionViolationFound.class);
        if (v.violationId() == null || v.inspectionId() == null || v.decidingUnitId() == null || v.decidingBody() == null
                || !SUBJECT_TYPES.contains(v.subjectType()) || v.subjectOrgUnitId() == null || v.act() == null || v.actFrom() == null
                || ("MEMBER".equals(v.subjectType()) && v.subjectMemberId() == null) || (!v.continuing() && v.actTo() == null)
                || v.subjectName() == null) {
            throw new InvalidEventException("violation-found without its ids, subject, act or act dates");
        }
        cases.openFromInspection(v);
    }
}
