package vn.ktgs.kit.tasks;

import java.time.Duration;

/**
 * Work a service does by itself at intervals (e.g. noticing deadlines that have passed). The kit runs every
 * such bean on its background thread; a run that fails is logged and tried again at the next interval. A task
 * opens its own transaction and must be safe with several replicas running it (lock with SKIP LOCKED).
 */
public interface PeriodicTask {
    String name();

    Duration every();

    void run() throws Exception;
}
