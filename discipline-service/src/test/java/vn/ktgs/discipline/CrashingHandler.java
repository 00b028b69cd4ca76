package vn.ktgs.discipline;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.kit.inbox.EventHandler;

/** A handler with a bug that kills its thread: an Error on every event of a test-only topic. Only in {@link DeadConsumerTest}. */
@ApplicationScoped
@IfBuildProperty(name = "ktgs.test.crashing-handler", stringValue = "true")
public class CrashingHandler implements EventHandler {
    static final String TOPIC = "ktgs.test.crash";

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        throw new StackOverflowError("a handler bug that no retry can mend");
    }
}
