package vn.ktgs.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The services behind the gateway and the one pooled HTTP client that reaches them. */
@Singleton
public class Upstreams {

    /** A service; its name (not its URLs) is what callers may see in problem details and health checks. */
    public record Upstream(String name, List<String> prefixes, URI url, URI health) {

        RequestOptions target() {
            boolean https = "https".equalsIgnoreCase(url.getScheme());
            int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
            return new RequestOptions().setHost(url.getHost()).setPort(port).setSsl(https);
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
