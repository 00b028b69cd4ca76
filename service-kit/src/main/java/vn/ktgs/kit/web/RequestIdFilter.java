package vn.ktgs.kit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.ktgs.edge.RequestHead;

/** Takes the gateway's {@code X-Request-Id} (or makes one), logs it on every line and returns it. */
public class RequestIdFilter {
    public static final String HEADER = "X-Request-Id";

    private final RequestInfo info;

    RequestIdFilter(RequestInfo info) {
        this.info = info;
    }

    @ServerRequestFilter(preMatching = true)
    void read(ContainerRequestContext request) {
        String id = RequestHead.requestId(request.getHeaderString(HEADER));
        info.requestId(id);
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    void write(ContainerResponseContext response) {
        if (info.requestId() != null) {
            response.getHeaders().putSingle(HEADER, info.requestId());
        }
        MDC.remove("requestId");
    }
}
