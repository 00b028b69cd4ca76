package vn.ktgs.planning.trail;

import vn.ktgs.events.AppealDecided;
import vn.ktgs.events.AppealFiled;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.ComplaintOverdue;
import vn.ktgs.events.DenunciationConcluded;
import vn.ktgs.events.DenunciationLead;
import vn.ktgs.events.DisciplineDecided;
import vn.ktgs.events.DisciplineEffectEnded;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.InspectionProgress;
import vn.ktgs.events.InspectionViolationFound;
import vn.ktgs.events.Origin;
import vn.ktgs.events.PlanApproved;
import vn.ktgs.kit.inbox.EventHandler;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an event says for the trail: the record it announces, the record that record came from (the event's origin,
 * or the record it is about: an appeal's case, a violation's inspection), the unit that owns it, and a few codes and
 * dates. Pure. Content and identities stay out: a letter's content, a denouncer, a violation's act never reach it.
 */
public final class TrailLinks {
    private TrailLinks() {
    }

    /** The records a trail links (ARCHITECTURE §4.1, origins). */
    public enum RecordType {
        PLAN_ITEM("Nội dung kế hoạch kiểm tra, giám sát"),
        INSPECTION("Cuộc kiểm tra"),
        VIOLATION("Vi phạm được kết luận"),
        DISCIPLINE_CASE("Hồ sơ thi hành kỷ luật"),
        APPEAL("Đơn khiếu nại kỷ luật"),
        DENUNCIATION("Đơn tố cáo");

        public final String labelVi;

        RecordType(String labelVi) {
            this.labelVi = labelVi;
        }
    }

    public record Entry(RecordType recordType, UUID recordId, String linkedType, UUID linkedId, UUID unitId,
                        Map<String, Object> facts) {
    }

    /** The entries of one event; none for the types a trail does not show (the directory, remediation notices). */
    public static List<Entry> of(CloudEvent e) {
        return switch (e.type()) {
            case EventTypes.PLAN_APPROVED, EventTypes.PLAN_AMENDED -> planItems(EventHandler.data(e, PlanApproved.class));
            case EventTypes.INSPECTION_SCHEDULED, EventTypes.INSPECTION_STARTED, EventTypes.INSPECTION_CONCLUDED -> {
                InspectionProgress p = EventHandler.data(e, InspectionProgress.class);
                Origin from = p.planItemId() != null ? new Origin(RecordType.PLAN_ITEM.name(), p.planItemId()) : p.origin();
                yield List.of(entry(RecordType.INSPECTION, p.inspectionId(), from, p.ownerUnitId(),
                        facts("kind", p.kind(), "planId", p.planId())));
            }
            case EventTypes.INSPECTION_VIOLATION_FOUND -> {
                InspectionViolationFound v = EventHandler.data(e, InspectionViolationFound.class);
                yield List.of(entry(RecordType.VIOLATION, v.violationId(), new Origin(RecordType.INSPECTION.name(), v.inspectionId()),
                        v.decidingUnitId(), facts("subjectType", v.subjectType(), "subjectMemberId", v.subjectMemberId(),
                                "subjectOrgUnitId", v.subjectOrgUnitId(), "article", v.article(), "concludedOn", v.concludedOn())));
            }
            case EventTypes.DISCIPLINE_DECIDED, EventTypes.DISCIPLINE_AMENDED -> {
                DisciplineDecided d = EventHandler.data(e, DisciplineDecided.class);
                yield List.of(entry(RecordType.DISCIPLINE_CASE, d.caseId(), d.origin(), d.decidingUnitId(),
                        facts("subjectType", d.subjectType(), "subjectMemberId", d.subjectMemberId(), "subjectOrgUnitId",
                                d.subjectOrgUnitId(), "decidingBody", d.decidingBody(), "form", d.form(), "decisionNumber",
                                d.decisionNumber(), "decidedOn", d.decidedOn(), "announcedOn", d.announcedOn(), "amendment", d.amendment())));
            }
            case EventTypes.DISCIPLINE_EFFECT_ENDED -> {
                DisciplineEffectEnded d = EventHandler.data(e, DisciplineEffectEnded.class);
                yield List.of(entry(RecordType.DISCIPLINE_CASE, d.caseId(), d.origin(), d.decidingUnitId(),
                        facts("form", d.form(), "endedOn", d.endedOn())));
            }
            case EventTypes.APPEAL_FILED -> {
                AppealFiled a = EventHandler.data(e, AppealFiled.class);
                yield List.of(entry(RecordType.APPEAL, a.appealId(), new Origin(RecordType.DISCIPLINE_CASE.name(), a.caseId()),
                        a.handlingUnitId(), facts("handlingBody", a.handlingBody(), "receivedOn", a.receivedOn())));
            }
            case EventTypes.APPEAL_DECIDED -> {
                AppealDecided a = EventHandler.data(e, AppealDecided.class);
                yield List.of(entry(RecordType.APPEAL, a.appealId(), new Origin(RecordType.DISCIPLINE_CASE.name(), a.caseId()),
                        a.decidingUnitId(), facts("decidingBody", a.decidingBody(), "outcome", a.outcome(), "newForm", a.newForm(),
                                "decidedOn", a.decidedOn())));
            }
            case EventTypes.DENUNCIATION_CONCLUDED -> {
                DenunciationConcluded d = EventHandler.data(e, DenunciationConcluded.class);
                yield List.of(entry(RecordType.DENUNCIATION, d.denunciationId(), d.origin(), d.handlingUnitId(),
                        facts("handlingBody", d.handlingBody(), "outcome", d.outcome(), "concludedOn", d.concludedOn())));
            }
            case EventTypes.DENUNCIATION_LEAD -> {
                DenunciationLead d = EventHandler.data(e, DenunciationLead.class);
                yield List.of(entry(RecordType.DENUNCIATION, d.denunciationId(), d.origin(), d.handlingUnitId(),
                        facts("receivedOn", d.receivedOn())));
            }
            case EventTypes.DENUNCIATION_OVERDUE, EventTypes.APPEAL_OVERDUE -> {
                ComplaintOverdue o = EventHandler.data(e, ComplaintOverdue.class);
                RecordType type = EventTypes.APPEAL_OVERDUE.equals(e.type()) ? RecordType.APPEAL : RecordType.DENUNCIATION;
                yield List.of(entry(type, o.id(), o.origin(), o.handlingUnitId(), facts("dueOn", o.dueOn(), "status", o.status())));
            }
            default -> List.of();
        };
    }

    private static List<Entry> planItems(PlanApproved p) {
        return p.items().stream().map(i -> entry(RecordType.PLAN_ITEM, i.id(), null, p.ownerUnitId(),
                facts("planId", p.planId(), "revision", p.revision(), "planTitle", p.title(), "activity", i.activity(),
                        "kind", i.kind(), "periodFrom", i.periodFrom(), "periodTo", i.periodTo()))).toList();
    }

    /** An entry linked to {@code from} unless that is the record itself (an origin naming its own aggregate). */
    private static Entry entry(RecordType type, UUID id, Origin from, UUID unitId, Map<String, Object> facts) {
        boolean linked = from != null && from.id() != null && !from.id().equals(id);
        return new Entry(type, id, linked ? from.type() : null, linked ? from.id() : null, unitId, facts);
    }

    private static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put((String) pairs[i], pairs[i + 1].toString());
            }
        }
        return out;
    }
}
