package vn.ktgs.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "ktgs.gateway")
public interface GatewayConfig {

    /** The services by name; a request goes to the service whose prefix matches its path (the longest wins). */
    Map<String, Route> routes();

    /** The largest request body the gateway forwards. */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /**
     * Larger caps for particular paths (exact, e.g. {@code "/api/v1/members:import"} for bulk imports); they
     * must stay within {@code quarkus.http.limits.max-body-size}.
     */
    Map<String, MemorySize> bodyLimits();

    /**
     * The longest request target (path and query) the gateway forwards. It must stay below the services' own limit
     * (Netty's 4096-byte request line), so that a service never answers a forwarded request with a bare 414.
     */
    @WithDefault("4000")
    int maxUriLength();

    /** The most header bytes the gateway forwards; below the services' own limit, with room for what the gateway adds. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /** How far ahead of the gateway's clock a token's {@code iat} and {@code nbf} may lie. */
    @WithDefault("30s")
    Duration clockSkew();

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

        /** Where the service reports its readiness, when not at {@code /q/health/ready} of {@link #url()}. */
        Optional<URI> health();
    }
}
