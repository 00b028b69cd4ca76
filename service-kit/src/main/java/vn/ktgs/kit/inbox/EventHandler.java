package vn.ktgs.kit.inbox;

import vn.ktgs.events.CloudEvent;

import java.sql.Connection;

/**
 * Applies events of one topic. Called inside the transaction that also records the event as
 * processed: whatever it writes (through {@code tx}, or through JPA in a Quarkus service) commits
 * with that mark, or not at all. An exception means "not applied"; see {@link InboxConsumer}.
 */
public interface EventHandler {
    String topic();

    void handle(CloudEvent event, Connection tx) throws Exception;
}
