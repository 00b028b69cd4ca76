package vn.ktgs.kit.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;

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

    /** The event's data as the contract's record; data that does not match it can never be applied (parked), nor can none. */
    static <T> T data(CloudEvent event, Class<T> type) {
        T value;
        try {
            value = EventJson.mapper().treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(event.type() + " data does not match the contract", e);
        }
        if (value == null) {
            throw new InvalidEventException(event.type() + " without data");
        }
        return value;
    }
}
