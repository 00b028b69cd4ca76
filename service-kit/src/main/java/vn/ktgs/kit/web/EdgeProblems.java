package vn.ktgs.kit.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ktgs.kit.problem.Problem;

import java.util.Map;

/**
 * Failures the HTTP layer answers before a resource is reached (no route, a body over the limit, a
 * malformed path) as problem+json too, so that a caller never has to parse two kinds of error.
 */
@ApplicationScoped
public class EdgeProblems {
    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"validation", "The request is not valid", "the request line or headers are malformed"},
            404, new String[] {"not-found", "Not found", "nothing is served at this path"},
            405, new String[] {"http-405", "Method Not Allowed", "this path does not take this method"},
            413, new String[] {"payload-too-large", "Payload Too Large", "the body is larger than this service accepts"},
            414, new String[] {"uri-too-long", "URI Too Long", "the request's URI is longer than this service accepts"},
            431, new String[] {"headers-too-large", "Request Header Fields Too Large", "the request's headers are too large"});

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        KNOWN.keySet().forEach(status -> router.errorHandler(status, ctx -> answer(ctx, status)));
        // ahead of Quarkus' own Content-Length check (order -2), which answers 413 with no body
        router.route().order(-3).handler(ctx -> {
            if (declaredLength(ctx) > maxBody.asLongValue()) {
                answer(ctx, 413);
            } else {
                ctx.next();
            }
        });
    }

    private static long declaredLength(RoutingContext ctx) {
        try {
            String length = ctx.request().getHeader("Content-Length");
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP layer refuses it itself
        }
    }

    private static void answer(RoutingContext ctx, int status) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        String[] p = KNOWN.get(status);
        String requestId = ctx.request().getHeader(RequestIdFilter.HEADER);
        JsonObject body = new JsonObject().put("type", Problem.TYPE_BASE + p[0]).put("title", p[1]).put("status", status)
                .put("detail", p[2]);
        if (requestId != null && requestId.matches("[A-Za-z0-9._-]{1,128}")) {
            body.put("requestId", requestId);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (status == 413) {
            ctx.response().putHeader("Connection", "close"); // the unread body is not waited for
        }
        ctx.response().end(body.encode());
    }
}
