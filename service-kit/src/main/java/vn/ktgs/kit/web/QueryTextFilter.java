package vn.ktgs.kit.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.ktgs.kit.text.VietnameseText;

import java.util.List;
import java.util.Map;

/** Query parameters are held to the same characters as body text: 400 naming the parameter, before any query runs. */
public class QueryTextFilter {

    @ServerRequestFilter
    void check(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> p : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : p.getValue()) {
                String bad = VietnameseText.forbiddenCharacter(value);
                if (bad != null) {
                    throw new QueryParamConverters.InvalidParameter(p.getKey(), "text-characters", p.getKey() + " must not contain " + bad);
                }
            }
        }
    }
}
