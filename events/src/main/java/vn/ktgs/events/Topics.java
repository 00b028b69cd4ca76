package vn.ktgs.events;

import java.util.Map;

/** Kafka topic names (ARCHITECTURE §4): one per producing service, plus the org directory. */
public final class Topics {
    /** Compacted; key = org unit id; the latest event of a unit is its current state. */
    public static final String ORG_UNITS = "ktgs.org-units.v1";
    public static final String PLANNING = "ktgs.planning.v1";
    public static final String INSPECTION = "ktgs.inspection.v1";
    public static final String DISCIPLINE = "ktgs.discipline.v1";
    public static final String COMPLAINTS = "ktgs.complaints.v1";

    /** Every event topic and its cleanup policy: what devstack creates, and what deploy/k8s declares. */
    public static final Map<String, String> CLEANUP_POLICIES = Map.of(
            ORG_UNITS, "compact",
            PLANNING, "delete",
            INSPECTION, "delete",
            DISCIPLINE, "delete",
            COMPLAINTS, "delete");

    private Topics() {
    }

    /** Where a consumer parks a message it cannot process. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
