package vn.ktgs.kit.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import vn.ktgs.kit.problem.FieldError;
import vn.ktgs.kit.time.IsoDate;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query parameters of the common types converted with a 400 that names the parameter: JAX-RS answers a
 * failed conversion of a query parameter ({@code ?page=abc}, {@code ?from=tomorrow}) with a bare 404, and reads any
 * text but "true" as a false boolean.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {
    private record Format(Function<String, Object> parse, String rule, String expected) {
    }

    private static final Map<Class<?>, Format> FORMATS = Map.of(
            Integer.class, new Format(Integer::valueOf, "integer", "a whole number"),
            int.class, new Format(Integer::valueOf, "integer", "a whole number"),
            Long.class, new Format(Long::valueOf, "integer", "a whole number"),
            long.class, new Format(Long::valueOf, "integer", "a whole number"),
            Boolean.class, new Format(QueryParamConverters::strictBoolean, "boolean", "true or false"),
            boolean.class, new Format(QueryParamConverters::strictBoolean, "boolean", "true or false"),
            LocalDate.class, new Format(IsoDate::parse, "date", IsoDate.EXPECTED),
            UUID.class, new Format(UUID::fromString, "uuid", "an id (UUID)"));

    /** A query parameter that is not what it must be: answered 400 naming it. */
    public static final class InvalidParameter extends BadRequestException {
        private final FieldError error;

        InvalidParameter(String name, String rule, String message) {
            super(message);
            this.error = new FieldError(name, rule, message);
        }

        public FieldError error() {
            return error;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Format format = FORMATS.get(rawType);
        String name = queryParamName(annotations);
        if (format == null || name == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                try {
                    return (T) format.parse().apply(value.strip());
                } catch (RuntimeException e) {
                    throw new InvalidParameter(name, format.rule(), name + " must be " + format.expected());
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    /** JAX-RS reads anything but "true" as false: {@code ?includeInactive=yes} would quietly mean no. */
    private static Boolean strictBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new IllegalArgumentException("not a boolean: " + value);
    }

    private static String queryParamName(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
        }
        return null;
    }
}
