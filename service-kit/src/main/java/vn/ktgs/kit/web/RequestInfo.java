package vn.ktgs.kit.web;

import jakarta.enterprise.context.RequestScoped;

/** The id of the HTTP request being served: from {@code X-Request-Id}, or made up by {@link RequestIdFilter}. */
@RequestScoped
public class RequestInfo {
    private String requestId;

    public String requestId() {
        return requestId;
    }

    void requestId(String id) {
        this.requestId = id;
    }
}
