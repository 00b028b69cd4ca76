package vn.ktgs.kit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Resources read JSON bodies only ({@code @Consumes} on each class), so a body of another type is refused with 415
 * instead of being read as text into a record. A request without a body (an action such as approve) is not judged by
 * the Content-Type that some clients send with every POST.
 */
public class BodilessRequests {

    @ServerRequestFilter(preMatching = true)
    void forgetTheTypeOfNoBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean body = request.getHeaderString("Transfer-Encoding") != null || (length != null && !"0".equals(length.strip()));
        if (!body) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
