package vn.ktgs.planning.member;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.web.Idempotency;
import vn.ktgs.kit.web.Params;
import vn.ktgs.kit.web.Versions;
import vn.ktgs.planning.member.MemberCodes.Status;
import vn.ktgs.planning.org.CallerUnit;
import vn.ktgs.planning.org.OrgDirectory;
import vn.ktgs.planning.org.OrgUnit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /api/v1/members: party members in the directory. Everyone reads the members of their subtree; an
 * {@code admin} of the member's unit or of a unit above it maintains them; systems ({@code integration})
 * and admins import them in bulk (/api/v1/members:import).
 * <p>
 * The class is at /api/v1, each method names its whole path: Quarkus REST picks the resource class by the
 * longest path prefix and does not come back, so a class at /api/v1/members would answer 404 for
 * /api/v1/members:import (quarkusio/quarkus#32588).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {
    static final String NDJSON = "application/x-ndjson";

    private final Members members;
    private final MemberQueries queries;
    private final MemberImport imports;
    private final CallerUnit callerUnit;
    private final OrgDirectory directory;
    private final Idempotency idempotency;

    MemberResource(Members members, MemberQueries queries, MemberImport imports, CallerUnit callerUnit, OrgDirectory directory,
                   Idempotency idempotency) {
        this.members = members;
        this.queries = queries;
        this.imports = imports;
        this.callerUnit = callerUnit;
        this.directory = directory;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/members")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "201", description = "created; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberViews.MemberView.class)))
    public Response create(@Valid @NotNull MemberRequests.Details body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "POST /api/v1/members", body, () -> {
            Member m = members.create(callerUnit.get(), body);
            return Response.created(uri.getAbsolutePathBuilder().path(m.id.toString()).build())
                    .tag(Versions.etag(m.version)).entity(queries.view(m)).build();
        });
    }

    /**
     * Members of {@code org} (default: the caller's unit) and, unless {@code subtree=false}, of the units below it.
     * {@code q}: name ignoring diacritics ("nguyen van hung"), or a card number; {@code citizenId}: the exact 12 digits.
     */
    @GET
    @Path("/members")
    @Authenticated
    public Page<MemberViews.MemberView> list(@QueryParam("org") String org, @QueryParam("subtree") @DefaultValue("true") boolean subtree,
                                             @QueryParam("status") String status, @QueryParam("q") @Size(max = 200) String q,
                                             @QueryParam("citizenId") @Size(max = 32) String citizenId,
                                             @Valid @BeanParam PageParams paging) {
        OrgUnit actor = callerUnit.get();
        UUID id = Params.uuid(org, "org");
        OrgUnit scope = id == null ? actor : directory.visible(actor, id);
        return queries.list(scope, subtree, Params.enumValue(Status.class, status, "status"), q, citizenId, paging).map(queries::view);
    }

    @GET
    @Path("/members/{id}")
    @Authenticated
    @APIResponse(responseCode = "200", description = "the record; ETag is its version; citizenId masked unless the caller is an admin",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberViews.MemberView.class)))
    public Response get(@PathParam("id") UUID id) {
        return changed(queries.visible(callerUnit.get(), id));
    }

    /** The whole record, replaced; the unit stays (a move is a transfer). */
    @PUT
    @Path("/members/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberViews.MemberView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull MemberRequests.Details body) {
        return changed(members.update(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** Chuyển sinh hoạt đảng: to another unit in the caller's subtree. */
    @POST
    @Path("/members/{id}/transfer")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberViews.MemberView.class)))
    public Response transfer(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull MemberRequests.Transfer body) {
        return changed(members.transfer(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** Every change, oldest first: who, when, what; transfers name the unit left. */
    @GET
    @Path("/members/{id}/history")
    @Authenticated
    public List<MemberViews.HistoryEntry> history(@PathParam("id") UUID id) {
        return queries.history(callerUnit.get(), id);
    }

    /** Up to {@value MemberImport#MAX_ROWS} members by party card number, all or nothing (see {@link MemberImport}). */
    @POST
    @Path("/members:import")
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

    /** The codes of members with their Vietnamese labels. */
    @GET
    @Path("/members/codes")
    @Authenticated
    public Map<String, List<Code>> codes() {
        return Map.of(
                "status", Arrays.stream(Status.values()).map(k -> new Code(k.name(), k.labelVi)).toList(),
                "body", Arrays.stream(MemberCodes.Body.values()).map(k -> new Code(k.name(), k.labelVi)).toList(),
                "post", Arrays.stream(MemberCodes.Post.values()).map(k -> new Code(k.name(), k.labelVi)).toList());
    }

    public record Code(String code, String labelVi) {
    }

    private Response changed(Member m) {
        return Response.ok(queries.view(m)).tag(Versions.etag(m.version)).build();
    }
}
