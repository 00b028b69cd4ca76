package vn.ktgs.planning.member;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.web.Idempotency;
import vn.ktgs.planning.org.CallerUnit;

import java.nio.charset.StandardCharsets;

/**
 * /api/v1/members:import: up to {@value MemberImport#MAX_ROWS} members by party card number, all or nothing
 * (see {@link MemberImport}). For systems ({@code integration}) and admins, within the caller's subtree.
 */
@Path("/api/v1/members:import")
@Produces(MediaType.APPLICATION_JSON)
public class MemberImportResource {
    static final String NDJSON = "application/x-ndjson";

    private final MemberImport imports;
    private final CallerUnit callerUnit;
    private final Idempotency idempotency;

    MemberImportResource(MemberImport imports, CallerUnit callerUnit, Idempotency idempotency) {
        this.imports = imports;
        this.callerUnit = callerUnit;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes({NDJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Transactional
    // 100,000 rows take tens of seconds: more than the default transaction timeout (60 s) must be allowed
    @TransactionConfiguration(timeout = 600)
    @RequestBody(description = "NDJSON (one member a line) or a JSON array of members",
            content = {@Content(mediaType = NDJSON, schema = @Schema(implementation = MemberRequests.Details.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberRequests.Details[].class))})
    @APIResponse(responseCode = "200", description = "every row applied: how many were created, updated and already the same",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberViews.ImportReport.class)))
    public Response importMembers(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        boolean ndjson = contentType != null && contentType.toLowerCase().startsWith(NDJSON);
        return idempotency.once(idempotencyKey, "POST /api/v1/members:import", new String(body, StandardCharsets.UTF_8),
                () -> Response.ok(imports.run(callerUnit.get(), body, ndjson)).build());
    }
}
