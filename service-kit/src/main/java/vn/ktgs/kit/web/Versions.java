package vn.ktgs.kit.web;

import jakarta.ws.rs.core.EntityTag;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.problem.ProblemException;

import java.util.List;

/** Optimistic concurrency over HTTP: a record's version is its {@code ETag}; writes may send it back in {@code If-Match}. */
public final class Versions {
    public static final String IF_MATCH = "If-Match";

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * The version an {@code If-Match} header expects. Every update and transition must send it, so that
     * nobody overwrites a change they have not seen: 428 without it, 400 if it is no version.
     */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match is required",
                    "send the record's ETag in If-Match (read the record first)",
                    List.of(new FieldError(IF_MATCH, "required", "If-Match is required, e.g. \"3\"")));
        }
        String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(IF_MATCH, "etag", "If-Match must be the record's ETag, e.g. \"3\"");
        }
    }
}
