package vn.ktgs.gateway;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The gateway checks a request's URI itself, so that a malformed one (a bad %-escape, a bare "|" in the query) is
 * answered with a problem like every other 4xx. Quarkus' HTTP layer would answer it first with a bare 400, before any
 * route; its switch for that is a system property read once when the HTTP layer loads, so it is set here, with the
 * configuration, which is built before the HTTP layer in every launch mode.
 */
public class UriChecking implements SmallRyeConfigBuilderCustomizer {
    private static final String QUARKUS_CHECK_OFF = "vertx.disableURIValidation";

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        System.setProperty(QUARKUS_CHECK_OFF, "true");
    }

    /** What is wrong with a request's URI, in words a caller can act on; empty if nothing is. */
    static Optional<String> fault(String uri) {
        try {
            new URI(uri);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(e.getIndex() < 0 ? e.getReason()
                    : e.getReason() + " at character " + (e.getIndex() + 1) + " of the URI");
        }
    }
}
