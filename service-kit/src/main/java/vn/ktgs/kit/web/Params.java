package vn.ktgs.kit.web;

import vn.ktgs.kit.problem.ProblemException;

import java.util.Arrays;
import java.util.UUID;

/**
 * Query parameters read as text and converted here, so that a bad value is a 400 naming the parameter
 * (JAX-RS would answer a failed conversion of a query parameter with a bare 404).
 */
public final class Params {
    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "code", name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "uuid", name + " must be an id (UUID)");
        }
    }
}
