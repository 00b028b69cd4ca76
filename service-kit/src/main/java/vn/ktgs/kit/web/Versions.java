package vn.ktgs.kit.web;

import jakarta.ws.rs.core.EntityTag;
import vn.ktgs.kit.problem.ProblemException;

/** Optimistic concurrency over HTTP: a record's version is its {@code ETag}; writes may send it back in {@code If-Match}. */
public final class Versions {
    public static final String IF_MATCH = "If-Match";

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** The version an {@code If-Match} header expects, or null without the header; 400 if it is no version. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(IF_MATCH, "etag", "If-Match must be the record's ETag, e.g. \"3\"");
        }
    }
}
