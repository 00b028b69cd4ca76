package vn.ktgs.planning.trail;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;

import java.util.UUID;

/**
 * Writes the trail from the events of the four services, one subclass per topic. The inbox applies each event once
 * (and the key (event, record) is unique), so the trail is the same however often the broker delivers.
 */
public abstract class TrailRecorder implements EventHandler {
    private static final Logger LOG = Logger.getLogger(TrailRecorder.class);

    TrailRecorder() {
    }

    @Override
    public void handle(CloudEvent event) {
        for (TrailLinks.Entry e : TrailLinks.of(event)) {
            // the trail cannot place a record without an owner or a time; the other handlers of the topic still apply it
            if (e.recordId() == null || e.unitId() == null || event.time() == null) {
                LOG.warnf("%s %s: no record, owning unit or time, left out of the trail", event.type(), event.id());
                continue;
            }
            TrailEntry t = new TrailEntry();
            t.id = UUID.randomUUID();
            t.eventId = event.id();
            t.eventType = event.type();
            t.recordType = e.recordType().name();
            t.recordId = e.recordId();
            t.linkedType = e.linkedType();
            t.linkedId = e.linkedId();
            t.unitId = e.unitId();
            t.occurredAt = event.time();
            t.facts = e.facts();
            t.persist();
        }
    }

    @ApplicationScoped
    public static class OfPlanning extends TrailRecorder {
        @Override
        public String topic() {
            return Topics.PLANNING;
        }
    }

    @ApplicationScoped
    public static class OfInspection extends TrailRecorder {
        @Override
        public String topic() {
            return Topics.INSPECTION;
        }
    }

    @ApplicationScoped
    public static class OfDiscipline extends TrailRecorder {
        @Override
        public String topic() {
            return Topics.DISCIPLINE;
        }
    }

    @ApplicationScoped
    public static class OfComplaints extends TrailRecorder {
        @Override
        public String topic() {
            return Topics.COMPLAINTS;
        }
    }
}
