package vn.ktgs.kit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/** Takes the gateway's {@code X-Request-Id} (or makes one), logs it on every line and returns it. */
public class RequestIdFilter {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final RequestInfo info;

    RequestIdFilter(RequestInfo info) {
        this.info = info;
    }

    @ServerRequestFilter(preMatching = true)
    void read(ContainerRequestContext request) {
        String id = accept(request.getHeaderString(HEADER));
        info.requestId(id);
        MDC.put("requestId", id);
    }

    /** The caller's request id if it is a sane one, else a new one. */
    static String accept(String header) {
        return header != null && SANE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    @ServerResponseFilter
    void write(ContainerResponseContext response) {
        if (info.requestId() != null) {
            response.getHeaders().putSingle(HEADER, info.requestId());
        }
        MDC.remove("requestId");
    }
}
