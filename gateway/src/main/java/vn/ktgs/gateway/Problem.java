package vn.ktgs.gateway;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own errors, written as RFC 9457 problem details carrying the request id. */
enum Problem {
    // the same type and title as the services' 400s
    BAD_REQUEST(400, "validation", "The request is not valid"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    NOT_FOUND(404, "not-found", "Not Found"),
    CONTENT_TOO_LARGE(413, "content-too-large", "Content Too Large"),
    URI_TOO_LONG(414, "uri-too-long", "URI Too Long"),
    HEADERS_TOO_LARGE(431, "request-header-fields-too-large", "Request Header Fields Too Large"),
    BAD_GATEWAY(502, "bad-gateway", "Bad Gateway"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service Unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway Timeout");

    static final String TYPE_BASE = "https://ktgs.vn/problems/";

    private final int status;
    private final String type;
    private final String title;

    Problem(int status, String type, String title) {
        this.status = status;
        this.type = type;
        this.title = title;
    }

    void send(RoutingContext ctx, String detail) {
        send(ctx, problem(ctx, detail));
    }

    /** A problem with the parameter at fault and the rule it breaks, as the services name them. */
    void sendField(RoutingContext ctx, String field, String rule, String message) {
        send(ctx, problem(ctx, message).put("errors",
                new JsonArray().add(new JsonObject().put("field", field).put("rule", rule).put("message", message))));
    }

    private JsonObject problem(RoutingContext ctx, String detail) {
        String requestId = ctx.get(RequestIds.KEY);
        return new JsonObject()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("requestId", requestId);
    }

    private void send(RoutingContext ctx, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(body.encode());
    }
}
