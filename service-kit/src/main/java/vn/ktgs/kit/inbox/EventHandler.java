package vn.ktgs.kit.inbox;

import vn.ktgs.events.CloudEvent;

/**
 * Applies events of one topic. Called inside the JTA transaction that also records the event as
 * processed, so whatever it writes through Panache/JPA commits with that mark, or not at all.
 * <p>
 * Throw {@link InvalidEventException} for an event that can never be applied (it is parked on the
 * consumer group's dead-letter topic); any other exception counts as transient and the event is
 * tried again, with back-off, for as long as it fails.
 */
public interface EventHandler {
    String topic();

    void handle(CloudEvent event) throws Exception;
}
