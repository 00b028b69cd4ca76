package vn.ktgs.kit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on creation: the first request with a key creates and its response is kept
 * (in the same transaction), so a retry with the same key and body gets that response again
 * ({@code Idempotent-Replayed: true}) instead of a second record. The same key with another body is a
 * client bug: 422. Keys belong to the caller and to the endpoint.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";

    private final AgroalDataSource dataSource;
    private final Caller caller;
    private final ObjectMapper json;

    Idempotency(AgroalDataSource dataSource, Caller caller, ObjectMapper json) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String key, String scope, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid(HEADER, "length", "Idempotency-Key must have 1 to 200 characters");
        }
        String hash = hash(request);
        try (Connection tx = dataSource.getConnection()) {
            // A concurrent first request holds the row lock: this insert waits for its outcome.
            try (var claim = tx.prepareStatement("INSERT INTO kit_idempotency (actor, scope, key, request_hash)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                claim.setString(1, caller.subject());
                claim.setString(2, scope);
                claim.setString(3, key);
                claim.setString(4, hash);
                if (claim.executeUpdate() == 1) {
                    Response created = create.get();
                    remember(tx, key, scope, created);
                    return created;
                }
            }
            return replay(tx, key, scope, hash);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency store failed", e);
        }
    }

    private void remember(Connection tx, String key, String scope, Response created)
            throws SQLException, JsonProcessingException {
        try (var ps = tx.prepareStatement("UPDATE kit_idempotency SET status = ?, location = ?, body = ?"
                + " WHERE actor = ? AND scope = ? AND key = ?")) {
            ps.setInt(1, created.getStatus());
            ps.setString(2, created.getLocation() == null ? null : created.getLocation().toString());
            ps.setString(3, created.hasEntity() ? json.writeValueAsString(created.getEntity()) : null);
            ps.setString(4, caller.subject());
            ps.setString(5, scope);
            ps.setString(6, key);
            ps.executeUpdate();
        }
    }

    private Response replay(Connection tx, String key, String scope, String hash) throws SQLException {
        try (var ps = tx.prepareStatement("SELECT request_hash, status, location, body FROM kit_idempotency"
                + " WHERE actor = ? AND scope = ? AND key = ?")) {
            ps.setString(1, caller.subject());
            ps.setString(2, scope);
            ps.setString(3, key);
            var rs = ps.executeQuery();
            rs.next();
            if (!rs.getString(1).equals(hash)) {
                throw ProblemException.ruleViolated(HEADER, "same-request",
                        "this Idempotency-Key was already used with a different request");
            }
            Response.ResponseBuilder r = Response.status(rs.getInt(2)).header("Idempotent-Replayed", "true");
            if (rs.getString(3) != null) {
                r.header("Location", rs.getString(3));
            }
            if (rs.getString(4) != null) {
                r.entity(rs.getString(4)).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return r.build();
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
