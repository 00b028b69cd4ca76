package vn.ktgs.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "ktgs.gateway")
public interface GatewayConfig {

    /** The services by name; a request goes to the service whose prefix matches its path (the longest wins). */
    Map<String, Route> routes();

    /** The largest request body the gateway forwards. */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** How long a service may take to accept a connection or stay silent before the caller gets 504. */
    @WithDefault("30s")
    Duration timeout();

    /** Pooled HTTP/1.1 connections per service; requests beyond them wait (within the timeout). */
    @WithDefault("100")
    int maxConnectionsPerService();

    interface Route {
        /** Path prefixes such as {@code /api/v1/plans}; a prefix matches the path itself and anything under it. */
        List<String> prefixes();

        /** Where the service listens: {@code scheme://host:port}. */
        URI url();
    }
}
