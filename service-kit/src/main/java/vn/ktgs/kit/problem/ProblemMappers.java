package vn.ktgs.kit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.netty.handler.codec.DecoderException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.postgresql.util.PSQLException;
import vn.ktgs.kit.config.KitConfig;
import vn.ktgs.kit.text.TextCharacters;
import vn.ktgs.kit.time.IsoDate;
import vn.ktgs.kit.web.EdgeProblems;
import vn.ktgs.kit.web.QueryParamConverters;
import vn.ktgs.kit.web.RequestInfo;

import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Turns every failure into application/problem+json with the request id; never leaks internals. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static final String UNIQUE_VIOLATION = "23505";
    /** serialization failure, deadlock, lock not available: the loser of a race may simply retry */
    private static final Set<String> CONCURRENCY_STATES = Set.of("40001", "40P01", "55P03");

    private final RequestInfo request;
    private final UriInfo uri;
    private final Map<String, String> uniqueConstraints;

    ProblemMappers(RequestInfo request, UriInfo uri, KitConfig config) {
        this.request = request;
        this.uri = uri;
        this.uniqueConstraints = config.uniqueConstraints();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status(), e.type(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), rule(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return respond(400, "validation", "The request is not valid",
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), errors);
    }

    /**
     * What is wrong with the JSON, in the caller's terms: Jackson's own messages name Java types
     * ("Cannot deserialize value of type `java.util.ArrayList`"), which say nothing to a caller and leak internals.
     */
    public static String jsonProblem(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonParseException && e.getOriginalMessage().startsWith("Duplicate field")) {
            return "the field is given twice";
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "the body nests too deeply or holds a number or text too long to read";
        }
        if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            return "the number is out of range";
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamReadException) {
            return "the body is not well-formed JSON";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return "expected one of " + java.util.Arrays.stream(target.getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", "));
            }
            return target == LocalDate.class || target == String.class ? "expected " + jsonKind(target)
                    : "the value " + f.getValue() + " does not have the expected format";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + jsonKind(m.getTargetType());
        }
        return "the value does not fit this field";
    }

    private static String jsonKind(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == LocalDate.class) {
            return IsoDate.EXPECTED;
        }
        if (type == String.class || type.isEnum() || java.time.temporal.Temporal.class.isAssignableFrom(type)
                || type == java.util.UUID.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    /** Listed one by one: exact types win over the JSON mappers Quarkus brings. */
    @ServerExceptionMapper({JsonProcessingException.class, com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.core.exc.StreamReadException.class, com.fasterxml.jackson.core.exc.InputCoercionException.class,
            com.fasterxml.jackson.core.exc.StreamConstraintsException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class, JsonMappingException.class,
            TextCharacters.Rejected.class})
    public Response malformed(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : e.getProcessor() instanceof JsonParser p && !(e instanceof JsonMappingException)
                ? TextCharacters.fieldOf(p.getParsingContext()) : "body";
        if (e instanceof TextCharacters.Rejected rejected) {
            return respond(400, "validation", "The request is not valid", rejected.field() + " " + e.getOriginalMessage(),
                    List.of(new FieldError(rejected.field(), "text-characters", e.getOriginalMessage())));
        }
        return respond(400, "validation", "The request is not valid", "the body is not valid JSON for this request",
                List.of(new FieldError(field, "json", jsonProblem(e))));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        Response r = respond(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required", List.of());
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", "Forbidden", "the caller's role may not do this", List.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale() {
        return respond(409, "stale-version", "The record has changed",
                "the record was changed by someone else at the same time: read it again and retry", List.of());
    }

    @ServerExceptionMapper
    public Response invalidParameter(QueryParamConverters.InvalidParameter e) {
        return respond(400, "validation", "The request is not valid", e.getMessage(), List.of(e.error()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformed(json); // the JSON reader wraps some of Jackson's failures
        }
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 415) {
            return respond(415, "unsupported-media-type", "Unsupported Media Type",
                    "this request takes a body of Content-Type application/json", List.of(new FieldError("Content-Type",
                            "media-type", "must be application/json")));
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Request failed"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        // no path or no method matched: the REST layer's own words name its internals
        String detail = status == 404 || status == 405 ? EdgeProblems.detail(status) : e.getMessage();
        return respond(status, status == 404 ? "not-found" : "http-" + status, title, detail, List.of());
    }

    /**
     * The request's body could not be read to its end: the caller (or the gateway, cutting off an oversized upload)
     * broke the connection off, or sent chunks the HTTP codec refused. That is the caller's doing, not a failure of
     * the service: no stack trace and no 500 in the error rate. The answer reaches the caller only if it still listens.
     */
    @ServerExceptionMapper
    public Response bodyUnreadable(IOException e) {
        Throwable broken = cause(e, t -> t instanceof HttpClosedException || t instanceof SocketException
                || t instanceof ClosedChannelException || t instanceof DecoderException);
        if (broken == null) {
            return unexpected(e);
        }
        LOG.infof("request %s: its body could not be read to the end (%s); answered 400", request.requestId(),
                broken.getMessage());
        return respond(400, "body-incomplete", "The request body is incomplete",
                "the request body broke off before its end", List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        SQLException sql = sqlCause(e);
        if (sql != null && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            return duplicate(sql);
        }
        if (sql != null && CONCURRENCY_STATES.contains(sql.getSQLState())) {
            LOG.infof("request %s lost a race (SQL state %s); answered 409", request.requestId(), sql.getSQLState());
            return respond(409, "concurrent-change", "The record is being changed by someone else",
                    "another change of the same records ran at the same time: read them again and retry", List.of());
        }
        LOG.errorf(e, "unexpected failure of request %s", request.requestId());
        return respond(500, "internal", "Internal error",
                "the request failed unexpectedly; quote request id " + request.requestId(), List.of());
    }

    /**
     * A race that a check in the code could not see (two creations of the same code at once): 409 naming
     * the field and rule the service configured for the constraint, never the constraint itself.
     */
    private Response duplicate(SQLException sql) {
        String constraint = sql instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint() : null;
        String[] fieldRule = constraint == null ? null : uniqueConstraints.getOrDefault(constraint, "").split(":", 2);
        String field = fieldRule != null && fieldRule.length == 2 ? fieldRule[0] : null;
        String rule = fieldRule != null && fieldRule.length == 2 ? fieldRule[1] : "unique";
        LOG.infof("request %s collided on unique constraint %s; answered 409", request.requestId(), constraint);
        return respond(409, "conflict", "The request conflicts with the current state",
                "a record with the same " + (field == null ? "key" : field) + " was created at the same time",
                List.of(new FieldError(field, rule, "must be unique")));
    }

    private static SQLException sqlCause(Throwable e) {
        return (SQLException) cause(e, t -> t instanceof SQLException s && s.getSQLState() != null);
    }

    /** The first in the chain of causes, from {@code e} itself down, that is {@code which}; or null. */
    private static Throwable cause(Throwable e, Predicate<Throwable> which) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (which.test(t)) {
                return t;
            }
        }
        return null;
    }

    private Response respond(int status, String type, String title, String detail, List<FieldError> errors) {
        Problem body = new Problem(Problem.TYPE_BASE + type, title, status, detail,
                uri == null ? null : uri.getRequestUri().getRawPath(), request.requestId(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.body.name" -> "name": drop the method and parameter names of a resource method
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String rule(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
    }
}
