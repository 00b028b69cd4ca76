package vn.ktgs.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids tie the gateway's and the services' log lines and error bodies together. */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    /** The routing-context key under which the current request's id is kept. */
    static final String KEY = "ktgs.request-id";

    // Anything else could smuggle text into logs or headers, so it is replaced rather than forwarded.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {
    }

    static String accept(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
