package vn.ktgs.gateway;

/** Request ids tie the gateway's and the services' log lines and error bodies together. */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    /** The routing-context key under which the current request's id is kept. */
    static final String KEY = "ktgs.request-id";

    private RequestIds() {
    }
}
