package vn.ktgs.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The RFC 9457 body; {@code requestId} and {@code errors} are extension members. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {
    public static final String TYPE_BASE = "https://ktgs.vn/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";
}
