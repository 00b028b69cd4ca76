package vn.ktgs.kit.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;

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

    MemberCopy memberCopy();

    Http http();

    /**
     * The caps on a request's head, each refused with a problem (414, 431) on the public and the management port.
     * Netty's own, far larger ({@code quarkus.http.limits.*}, {@code quarkus.management.limits.*}), answer with a bare
     * status and only bound what a connection may hold in memory.
     */
    interface Http {
        /** The longest request target (path and query); the gateway forwards at most 4000 characters. */
        @WithDefault("4096")
        int maxUriLength();

        /** The most header bytes; room for the 16 KiB the gateway forwards and the headers it adds. */
        @WithDefault("20K")
        MemorySize maxHeaderSize();
    }

    interface OrgCopy {
        /** Keep a local copy of the org directory from its topic (build time: it decides whether the handler exists). */
        @WithDefault("false")
        boolean enabled();
    }

    interface MemberCopy {
        /** Keep a local copy of the member directory from its topic (build time: it decides whether the handler exists). */
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

        /**
         * The largest event (its JSON, in bytes) a change may write; a larger one is refused with 422.
         * Below the producer's {@code max.request.size} and the brokers' {@code message.max.bytes} (1 MiB by default).
         */
        @WithDefault("921600")
        int maxEventBytes();
    }

    interface Inbox {
        /** First pause before a transiently failing event is tried again; it doubles with every failure. */
        @WithDefault("200ms")
        Duration backoffMin();

        /** Longest pause between two tries of a transiently failing event: also how late, at most, it notices a recovery. */
        @WithDefault("2s")
        Duration backoffMax();
    }

    Retention retention();

    /** How long the janitor keeps plumbing rows, and how often it runs. */
    interface Retention {
        /** Outbox rows, counted from when they were sent. */
        @WithDefault("P7D")
        Duration sentEvents();

        /** Processed-event marks: longer than a redelivery can come (the topics' retention). */
        @WithDefault("P30D")
        Duration processedEvents();

        /** Idempotency keys: how long a client may retry a creation safely. */
        @WithDefault("P7D")
        Duration idempotencyKeys();

        @WithDefault("PT1H")
        Duration interval();
    }

    /**
     * Unique constraints of the service's tables and what a clash on them means to a caller:
     * {@code ktgs.kit.unique-constraints."org_unit_code_key"=code:code-unique} answers a race on that
     * constraint with 409 naming field {@code code} and rule {@code code-unique}.
     */
    Map<String, String> uniqueConstraints();

    interface Scope {
        /** The table holding the org tree with {@code id} and {@code path}: the local copy, or the directory itself. */
        @WithDefault("kit_org_unit_copy")
        String orgTable();
    }
}
