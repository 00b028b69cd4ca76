package vn.ktgs.planning.trail;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;

import java.util.UUID;

/**
 * Writes the trail from the events of the four services, one subclass per topic. The inbox applies each event once
 * (and the key (event, record) is unique), so the trail is the same however often the broker delivers.
 */
public abstract class TrailRecorder implements EventHandler {
    TrailRecorder() {
    }

    @Override
    public void handle(CloudEvent event) {
        if (event.time() == null) {
            throw new InvalidEventException(event.type() + " without a time");
        }
        for (TrailLinks.Entry e : TrailLinks.of(event)) {
            if (e.recordId() == null || e.unitId() == null) {
                throw new InvalidEventException(event.type() + " names no record or no owning unit");
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
