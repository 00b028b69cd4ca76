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

    /** A service; its name (not its URL) is what callers may see in problem details and health checks. */
    public record Upstream(String name, List<String> prefixes, URI url) {

        /** The length of the longest prefix that matches the path, or -1. The query is not part of the path. */
        int match(String path) {
            return prefixes.stream()
                    .filter(p -> path.equals(p) || path.startsWith(p + "/"))
                    .mapToInt(String::length)
                    .max()
                    .orElse(-1);
        }

        RequestOptions target() {
            boolean https = "https".equalsIgnoreCase(url.getScheme());
            int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
            return new RequestOptions().setHost(url.getHost()).setPort(port).setSsl(https);
        }
    }

    private final List<Upstream> all;
    private final HttpClient client;

    Upstreams(GatewayConfig config, Vertx vertx) {
        all = config.routes().entrySet().stream()
                .map(e -> new Upstream(e.getKey(), List.copyOf(e.getValue().prefixes()), e.getValue().url()))
                .sorted(Comparator.comparing(Upstream::name))
                .toList();
        client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
    }

    Optional<Upstream> find(String path) {
        return all.stream()
                .filter(u -> u.match(path) >= 0)
                .max(Comparator.comparingInt(u -> u.match(path)));
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
