package vn.ktgs.kit.problem;

import java.util.List;

/**
 * A failure the caller can act on, answered as RFC 9457 problem+json by {@link ProblemMappers}.
 * {@code type} is a stable slug under {@value Problem#TYPE_BASE}; {@code errors} name fields and rules.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: the request itself is malformed or a field breaks its format rule. */
    public static ProblemException invalid(String field, String rule, String message) {
        return new ProblemException(400, "validation", "The request is not valid", message,
                List.of(new FieldError(field, rule, message)));
    }

    /** 422: well-formed, but breaks a rule of the domain (an unknown parent, a level that cannot sit there). */
    public static ProblemException ruleViolated(String field, String rule, String message) {
        return new ProblemException(422, "rule-violated", "The request breaks a rule", message,
                List.of(new FieldError(field, rule, message)));
    }

    /** 422: every rule the request breaks at once, each with its field; nothing when {@code errors} is empty. */
    public static void throwIfAny(String what, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "rule-violated", "The " + what + " breaks a rule",
                    errors.size() + " rule(s) broken: " + errors.get(0).message(), errors);
        }
    }

    /** 409: conflicts with the current state (a duplicate, an illegal transition); {@code field} may be null. */
    public static ProblemException conflict(String field, String rule, String message) {
        return new ProblemException(409, "conflict", "The request conflicts with the current state", message,
                List.of(new FieldError(field, rule, message)));
    }

    /** 404: unknown, or outside the caller's scope; the two look the same on purpose. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not Found", what + " was not found", List.of());
    }

    /** 403: the caller's role may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    /** 412: the {@code If-Match} version is not the current one. */
    public static ProblemException staleVersion(long current) {
        return new ProblemException(412, "stale-version", "The record has changed",
                "the record was changed by someone else; its current version is " + current
                        + ": read it again and retry", List.of(new FieldError("If-Match", "current-version", "expected \"" + current + "\"")));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
