package vn.ktgs.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Settings of the shared plumbing, under {@code ktgs.kit.*}. */
@ConfigMapping(prefix = "ktgs.kit")
public interface KitConfig {
    /** Names the event source ({@code /ktgs/<name>}) and the consumer group. */
    @WithName("service-name")
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    Outbox outbox();

    Inbox inbox();

    Scope scope();

    OrgCopy orgCopy();

    interface OrgCopy {
        /** Keep a local copy of the org directory from its topic (build time: it decides whether the handler exists). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Outbox {
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("200")
        int batchSize();

        /** How long the relay sleeps when no commit has woken it. */
        @WithDefault("1s")
        Duration idleWait();
    }

    interface Inbox {
        /** Tries before a failing event is parked on the dead-letter topic. */
        @WithDefault("3")
        int attempts();
    }

    interface Scope {
        /** The table holding the org tree with {@code id} and {@code path}: the local copy, or the directory itself. */
        @WithDefault("kit_org_unit_copy")
        String orgTable();
    }
}
