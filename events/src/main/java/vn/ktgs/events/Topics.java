package vn.ktgs.events;

import java.util.Map;

/** Kafka topic names (ARCHITECTURE §4): one per producing service, plus the org and member directories. */
public final class Topics {
    /** Compacted; key = org unit id; the latest event of a unit is its current state. */
    public static final String ORG_UNITS = "ktgs.org-units.v1";
    /** Compacted; key = member id; the latest event of a member is its current state. */
    public static final String MEMBERS = "ktgs.members.v1";
    public static final String PLANNING = "ktgs.planning.v1";
    public static final String INSPECTION = "ktgs.inspection.v1";
    public static final String DISCIPLINE = "ktgs.discipline.v1";
    public static final String COMPLAINTS = "ktgs.complaints.v1";

    /** Every event topic and its cleanup policy: what devstack creates, and what deploy/k8s declares. */
    public static final Map<String, String> CLEANUP_POLICIES = Map.of(
            ORG_UNITS, "compact",
            MEMBERS, "compact",
            PLANNING, "delete",
            INSPECTION, "delete",
            DISCIPLINE, "delete",
            COMPLAINTS, "delete");

    private Topics() {
    }

    /**
     * Where the consumer group {@code group} (a service's name) parks the messages it cannot process,
     * with the origin topic, partition, offset and the error in headers: one dead-letter topic per group,
     * which only that group writes.
     */
    public static String deadLetter(String group) {
        return "ktgs." + group + ".dlq";
    }
}
