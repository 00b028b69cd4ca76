package vn.ktgs.kit.problem;

/** One broken rule of a request: which field, which rule (a stable code), and what it means. */
public record FieldError(String field, String rule, String message) {
}
