package vn.ktgs.kit.web;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Turns off Quarkus' check of each request's URI, which answers a malformed one (a bad %-escape, a bare "|") with a
 * bare 400 before any route; {@link EdgeProblems} checks it instead and answers with a problem. The switch is a system
 * property read once when the HTTP layer loads, so it is set with the configuration, which is built before that in
 * every launch mode.
 */
public class UriCheckedByRoute implements SmallRyeConfigBuilderCustomizer {
    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        System.setProperty("vertx.disableURIValidation", "true");
    }
}
