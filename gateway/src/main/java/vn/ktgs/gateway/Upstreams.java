package vn.ktgs.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The services behind the gateway and the one pooled HTTP client that reaches them. */
@Singleton
public class Upstreams {

    /** A service; its name (not its URLs) is what callers may see in problem details and health checks. */
    public record Upstream(String name, List<String> prefixes, URI url, URI health) {

        RequestOptions target() {
            return new RequestOptions().setHost(url.getHost()).setPort(port(url))
                    .setSsl("https".equalsIgnoreCase(url.getScheme()));
        }

        /**
         * A Location the service wrote under its own address (from the Host the gateway sent it), as the caller can
         * follow it: the path and query alone, which the caller resolves against the gateway's URL it used. Any other
         * Location is left as it is.
         */
        String callerLocation(String location) {
            try {
                URI written = new URI(location);
                if (written.isAbsolute() && written.getScheme().equalsIgnoreCase(url.getScheme())
                        && url.getHost().equalsIgnoreCase(written.getHost()) && port(written) == port(url)) {
                    return written.getRawPath() + (written.getRawQuery() == null ? "" : "?" + written.getRawQuery());
                }
            } catch (URISyntaxException e) {
                // not a URI the service could have meant as its own
            }
            return location;
        }

        private static int port(URI uri) {
            return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
    }

    /** The service for a path, and the prefix that chose it. */
    public record Match(Upstream upstream, String prefix) {
    }

    private final List<Upstream> all;
    private final HttpClient client;

    Upstreams(GatewayConfig config, Vertx vertx) {
        all = config.routes().entrySet().stream()
                .map(e -> new Upstream(e.getKey(), List.copyOf(e.getValue().prefixes()), e.getValue().url(),
                        e.getValue().health().orElse(e.getValue().url().resolve("/q/health/ready"))))
                .sorted(Comparator.comparing(Upstream::name))
                .toList();
        client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
    }

    /** The longest prefix that is the path itself or a parent of it (the query is not part of the path). */
    Optional<Match> find(String path) {
        Match best = null;
        for (Upstream upstream : all) {
            for (String prefix : upstream.prefixes()) {
                boolean matches = path.equals(prefix) || path.startsWith(prefix + "/");
                if (matches && (best == null || prefix.length() > best.prefix().length())) {
                    best = new Match(upstream, prefix);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    List<Upstream> all() {
        return all;
    }

    HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
