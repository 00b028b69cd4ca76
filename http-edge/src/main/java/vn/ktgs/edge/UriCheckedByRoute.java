package vn.ktgs.edge;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Turns off Quarkus' own check of each request's URI, which answers a malformed one (a bad %-escape, a bare "|") with
 * a bare 400 before any route; the gateway and the services check it first thing instead ({@link RequestHead#uriFault})
 * and answer with a problem. The switch is a system property read once when the HTTP layer loads, so it is set with
 * the configuration, which is built before that in every launch mode.
 */
public class UriCheckedByRoute implements SmallRyeConfigBuilderCustomizer {
    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        System.setProperty("vertx.disableURIValidation", "true");
    }
}
