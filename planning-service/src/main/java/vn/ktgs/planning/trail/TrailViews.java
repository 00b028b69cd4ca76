package vn.ktgs.planning.trail;

import vn.ktgs.planning.org.OrgUnit;
import vn.ktgs.planning.trail.TrailLinks.RecordType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What GET /api/v1/trail returns. */
public final class TrailViews {
    private TrailViews() {
    }

    /** The steps of a matter in the order they happened; {@code truncated} when the matter is larger than one answer. */
    public record Trail(RecordType recordType, UUID recordId, List<Step> steps, boolean truncated) {
    }

    /**
     * One event of one record: which record ({@code recordType}:{@code recordId}), the record it came from, the unit
     * that owns it, and the event's codes and dates.
     */
    public record Step(Instant at, String event, RecordType recordType, String recordLabelVi, UUID recordId, String linkedType,
                       UUID linkedId, UUID unitId, String unitName, Map<String, Object> facts) {
        static Step of(TrailEntry e, OrgUnit unit) {
            RecordType type = RecordType.valueOf(e.recordType);
            return new Step(e.occurredAt, e.eventType, type, type.labelVi, e.recordId, e.linkedType, e.linkedId, e.unitId,
                    unit.name, e.facts);
        }
    }
}
