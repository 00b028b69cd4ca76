package vn.ktgs.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The CloudEvents 1.0 envelope in its JSON form, the value of every record on every KTGS topic.
 * The record key is {@link #subject()}, the aggregate id, so that one aggregate's events stay in order.
 *
 * On Kafka it travels in the CloudEvents Kafka protocol binding's structured mode: the record value is
 * this JSON and the record header {@value #CONTENT_TYPE_HEADER} is {@value #STRUCTURED_CONTENT_TYPE}.
 *
 * @param requestid   extension attribute: the HTTP request id that caused the event
 * @param traceparent extension attribute of the distributed-tracing extension: the W3C trace context of
 *                    the work that caused the event, also sent as the record header of the same name
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
        String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String TRACEPARENT_HEADER = "traceparent";
}
