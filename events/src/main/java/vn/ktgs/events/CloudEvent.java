package vn.ktgs.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The CloudEvents 1.0 envelope in its JSON form, the value of every record on every KTGS topic.
 * The record key is {@link #subject()}, the aggregate id, so that one aggregate's events stay in order.
 *
 * @param requestid extension attribute: the HTTP request id that caused the event, for tracing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String requestid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
