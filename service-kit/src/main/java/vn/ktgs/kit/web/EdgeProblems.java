package vn.ktgs.kit.web;

import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ktgs.edge.RequestHead;
import vn.ktgs.kit.config.KitConfig;
import vn.ktgs.kit.problem.Problem;

import java.util.Map;
import java.util.Optional;

/**
 * Failures the HTTP layer answers before a resource is reached (no route, a target, headers or body over the caps, a
 * malformed path) as problem+json too, so that a caller never has to parse two kinds of error.
 */
@ApplicationScoped
public class EdgeProblems {
    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"validation", "The request is not valid", "the request line or headers are malformed"},
            404, new String[] {"not-found", "Not Found", "nothing is served at this path"},
            405, new String[] {"http-405", "Method Not Allowed", "this path does not take this method"},
            413, new String[] {"content-too-large", "Content Too Large", "the body is larger than this service accepts"},
            414, new String[] {"uri-too-long", "URI Too Long", "the request's URI is longer than this service accepts"},
            431, new String[] {"request-header-fields-too-large", "Request Header Fields Too Large", "the request's headers are too large"});
    private static final int CHECK_HEAD_ORDER = -SecurityHandlerPriorities.CORS - 1;
    private static final String HEAD_CHECKED = "ktgs.head-checked";

    void install(@Observes Router router, KitConfig kit,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        KNOWN.keySet().forEach(status -> router.errorHandler(status, ctx -> answer(ctx, status)));
        router.route().order(CHECK_HEAD_ORDER - 1).failureHandler(EdgeProblems::refusedBeforeAnyRoute);
        // before CORS, the security handlers and the REST layer's metrics filter, which read the path
        KitConfig.Http limits = kit.http();
        router.route().order(CHECK_HEAD_ORDER).handler(ctx -> checkHead(ctx, limits));
        // ahead of Quarkus' own Content-Length check (order -2), which answers 413 with no body
        router.route().order(-3).handler(ctx -> {
            if (declaredLength(ctx) > maxBody.asLongValue()) {
                answer(ctx, 413);
            } else {
                ctx.next();
            }
        });
    }

    /** Health, metrics and the OpenAPI document: their routes too would fail on a URI that cannot be parsed. */
    void installManagement(@Observes ManagementInterface management, KitConfig kit) {
        management.router().route().order(CHECK_HEAD_ORDER - 1).failureHandler(EdgeProblems::refusedBeforeAnyRoute);
        // the router's own answer to a path nothing serves is an HTML page
        management.router().route().last().handler(ctx -> answer(ctx, 404));
        KitConfig.Http limits = kit.http();
        management.router().route().order(CHECK_HEAD_ORDER).handler(ctx -> checkHead(ctx, limits));
    }

    /**
     * First on both ports: a target or headers over the caps, a Host or token given twice, and a URI that cannot be
     * parsed, are refused here with a problem. Netty's caps are far larger, and Quarkus' own URI check, which answers
     * with a bare 400, is off ({@link vn.ktgs.edge.UriCheckedByRoute}).
     */
    private static void checkHead(RoutingContext ctx, KitConfig.Http limits) {
        ctx.put(HEAD_CHECKED, true);
        String uri = ctx.request().uri();
        long maxHeaders = limits.maxHeaderSize().asLongValue();
        Optional<String> repeated = RequestHead.repeatedHeader(ctx.request().headers()::getAll);
        if (uri.length() > limits.maxUriLength()) {
            refuse(ctx, 414, "the request's URI is longer than " + limits.maxUriLength() + " characters");
        } else if (RequestHead.headerBytes(ctx.request().headers()) > maxHeaders) {
            refuse(ctx, 431, "the request's headers are larger than " + maxHeaders + " bytes");
        } else if (repeated.isPresent()) {
            refuse(ctx, 400, "the " + repeated.get() + " header is given more than once");
        } else {
            RequestHead.uriFault(uri).ifPresentOrElse(fault -> refuse(ctx, 400, "the request's URI is not valid: " + fault
                    + "; characters outside those a URI allows must be percent-encoded (%XX, as UTF-8)"), ctx::next);
        }
    }

    /**
     * Requests the router refuses before any route (400: no valid Host header or an empty path; 404: a target such as
     * {@code *}) would get Quarkus' error page and an ERROR log line; they get a problem. Failures of requests that
     * reached {@link #checkHead}, the first route, go on.
     */
    private static void refusedBeforeAnyRoute(RoutingContext ctx) {
        if (ctx.get(HEAD_CHECKED) == null && (ctx.statusCode() == 400 || ctx.statusCode() == 404)) {
            refuse(ctx, ctx.statusCode(), ctx.statusCode() == 404 ? detail(404)
                    : "the request needs a valid Host header and a path that starts with '/'");
        } else {
            ctx.next();
        }
    }

    private static void refuse(RoutingContext ctx, int status, String detail) {
        // the metrics' URI tag: not a new series for each refused path
        ctx.vertx().getOrCreateContext().putLocal("UrlPathTemplate", "/*");
        if (!ctx.request().isEnded()) {
            ctx.response().putHeader("Connection", "close"); // a body is not waited for
        }
        answer(ctx, status, detail);
    }

    /** What a refusal of the HTTP layer with this status means, as these problems say it. */
    public static String detail(int status) {
        return KNOWN.get(status)[2];
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
        answer(ctx, status, detail(status));
    }

    private static void answer(RoutingContext ctx, int status, String detail) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        String[] p = KNOWN.get(status);
        String requestId = RequestHead.requestId(ctx.request().getHeader(RequestIdFilter.HEADER));
        JsonObject body = new JsonObject().put("type", Problem.TYPE_BASE + p[0]).put("title", p[1]).put("status", status)
                .put("detail", detail).put("requestId", requestId);
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestIdFilter.HEADER, requestId);
        if (status == 413) {
            ctx.response().putHeader("Connection", "close"); // the unread body is not waited for
        }
        ctx.response().end(body.encode());
    }
}
