package vn.ktgs.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import vn.ktgs.gateway.Upstreams.Upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/openapi}: one OpenAPI document for the whole API, made of each service's own (read from its
 * management interface, beside its readiness) so that an integrating system builds one client. A schema name two
 * services use for different things is prefixed with the service's route name. A service that does not answer is
 * left out and named in {@code x-ktgs-missing}. The gateway's own summary ({@link SummaryHandler}) is added. Documentation
 * only: no token needed, nothing forwarded.
 */
@Singleton
public class OpenApiDocument {
    public static final String PATH = "/api/v1/openapi";
    private static final long FRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    private static final JsonObject SUMMARY = resource("/summary-openapi.json");

    private final Upstreams upstreams;
    private volatile JsonObject cached;
    private volatile long cachedAt;

    OpenApiDocument(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    void install(@Observes Router router) {
        // ahead of the /api/* token check and proxy
        router.get(PATH).order(-1).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        JsonObject doc = cached;
        if (doc != null && System.nanoTime() - cachedAt < FRESH_NANOS) {
            send(ctx, doc);
            return;
        }
        List<Upstream> services = upstreams.all();
        List<Future<JsonObject>> fetched = new ArrayList<>();
        for (Upstream u : services) {
            fetched.add(fetch(u).otherwise((JsonObject) null));
        }
        Future.join(fetched).onComplete(done -> {
            JsonObject merged = merge(services, fetched.stream().map(Future::result).toList());
            if (!merged.containsKey("x-ktgs-missing")) {
                cached = merged;
                cachedAt = System.nanoTime(); // an interval, not a time of day
            }
            send(ctx, merged);
        });
    }

    private Future<JsonObject> fetch(Upstream u) {
        String url = u.health().resolve("/q/openapi?format=json").toString();
        return upstreams.client().request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setTimeout(5_000))
                .compose(r -> r.send())
                .compose(r -> r.statusCode() == 200 ? r.body() : Future.failedFuture("status " + r.statusCode()))
                .map(body -> new JsonObject(body.toString()));
    }

    static JsonObject merge(List<Upstream> services, List<JsonObject> docs) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        JsonObject securitySchemes = new JsonObject();
        JsonArray missing = new JsonArray();
        String version = "3.1.0";
        for (int i = 0; i < services.size(); i++) {
            JsonObject doc = docs.get(i);
            if (doc == null) {
                missing.add(services.get(i).name());
                continue;
            }
            version = doc.getString("openapi", version);
            JsonObject own = doc.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            String text = doc.encode();
            for (String name : own.fieldNames()) {
                if (schemas.containsKey(name) && !schemas.getValue(name).equals(own.getValue(name))) {
                    String renamed = services.get(i).name() + "_" + name;
                    text = text.replace("\"#/components/schemas/" + name + "\"", "\"#/components/schemas/" + renamed + "\"");
                }
            }
            JsonObject rewritten = new JsonObject(text);
            JsonObject rewrittenSchemas = rewritten.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            for (String name : own.fieldNames()) {
                boolean clash = schemas.containsKey(name) && !schemas.getValue(name).equals(own.getValue(name));
                schemas.put(clash ? services.get(i).name() + "_" + name : name, rewrittenSchemas.getValue(name));
            }
            rewritten.getJsonObject("paths", new JsonObject()).forEach(p -> paths.put(p.getKey(), p.getValue()));
            doc.getJsonObject("components", new JsonObject()).getJsonObject("securitySchemes", new JsonObject())
                    .forEach(s -> securitySchemes.put(s.getKey(), s.getValue()));
        }
        // the gateway's own operation
        JsonObject summary = SUMMARY.copy();
        summary.getJsonObject("x-schemas").forEach(e -> schemas.put(e.getKey(), e.getValue()));
        summary.remove("x-schemas");
        paths.put(SummaryHandler.PATH, summary);
        JsonObject merged = new JsonObject()
                .put("openapi", version)
                .put("info", new JsonObject().put("title", "KTGS suite API").put("version", "1")
                        .put("description", "Every service's operations behind the gateway. Errors are RFC 9457 problems."))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", securitySchemes))
                .put("security", new JsonArray().add(new JsonObject(Map.of("bearer", new JsonArray()))));
        if (!missing.isEmpty()) {
            merged.put("x-ktgs-missing", missing);
        }
        return merged;
    }

    private static JsonObject resource(String name) {
        try (var in = OpenApiDocument.class.getResourceAsStream(name)) {
            return new JsonObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void send(RoutingContext ctx, JsonObject doc) {
        ctx.response().putHeader("Content-Type", "application/json").end(doc.encode());
    }
}
