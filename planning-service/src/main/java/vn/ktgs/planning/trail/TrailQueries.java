package vn.ktgs.planning.trail;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.planning.org.OrgUnit;
import vn.ktgs.planning.trail.TrailLinks.RecordType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A matter's trail: every record linked to the one asked for, through their origins in either direction, read from
 * the events already recorded here (no call to another service). Only what the caller's unit may see is shown: the
 * records its unit and the units below it own. The record asked for, unseen or unknown, is 404.
 */
@ApplicationScoped
public class TrailQueries {
    /** Enough for any one matter; a walk that reaches it says so (truncated) rather than read without end. */
    static final int MAX_RECORDS = 500;

    public TrailViews.Trail trail(OrgUnit actor, RecordType type, UUID id) {
        Set<UUID> seen = new HashSet<>(Set.of(id));
        Set<UUID> frontier = Set.of(id);
        List<TrailEntry> entries = new ArrayList<>();
        Set<UUID> taken = new HashSet<>();
        boolean truncated = false;
        while (!frontier.isEmpty()) {
            if (seen.size() > MAX_RECORDS) {
                truncated = true;
                break;
            }
            List<TrailEntry> found = TrailEntry.list("recordId in ?1 or linkedId in ?1", frontier);
            Set<UUID> next = new HashSet<>();
            for (TrailEntry e : found) {
                if (taken.add(e.id)) {
                    entries.add(e);
                }
                for (UUID linked : new UUID[] {e.recordId, e.linkedId}) {
                    if (linked != null && seen.add(linked)) {
                        next.add(linked);
                    }
                }
            }
            frontier = next;
        }
        Map<UUID, OrgUnit> units = new HashMap<>();
        OrgUnit.<OrgUnit>list("id in ?1", entries.stream().map(e -> e.unitId).distinct().toList()).forEach(u -> units.put(u.id, u));
        List<TrailEntry> visible = entries.stream().filter(e -> units.containsKey(e.unitId) && actor.contains(units.get(e.unitId)))
                .sorted(Comparator.comparing((TrailEntry e) -> e.occurredAt).thenComparing(e -> e.eventId)).toList();
        if (visible.stream().noneMatch(e -> e.recordId.equals(id) && e.recordType.equals(type.name()))) {
            throw ProblemException.notFound(type.name() + " " + id);
        }
        return new TrailViews.Trail(type, id, visible.stream().map(e -> TrailViews.Step.of(e, units.get(e.unitId))).toList(), truncated);
    }
}
