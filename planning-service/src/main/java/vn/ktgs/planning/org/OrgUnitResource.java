package vn.ktgs.planning.org;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.UriInfo;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.web.Idempotency;
import vn.ktgs.kit.web.Versions;

import java.util.List;
import java.util.UUID;

/** /api/v1/org-units: the organisation directory. Anyone reads their subtree; {@code admin} changes it. */
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrgUnitResource {
    private final OrgDirectory directory;
    private final CallerUnit callerUnit;
    private final Idempotency idempotency;

    OrgUnitResource(OrgDirectory directory, CallerUnit callerUnit, Idempotency idempotency) {
        this.directory = directory;
        this.callerUnit = callerUnit;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "201", description = "created; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrgUnitView.class)))
    public Response create(@Valid @NotNull OrgUnitRequests.Create body,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey, @jakarta.ws.rs.core.Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "POST /api/v1/org-units", body, () -> {
            OrgUnit u = directory.create(actorUnit(), body, null);
            return Response.created(uri.getAbsolutePathBuilder().path(u.id.toString()).build())
                    .tag(Versions.etag(u.version)).entity(OrgUnitView.of(u)).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @APIResponse(responseCode = "200", description = "the record; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrgUnitView.class)))
    public Response get(@PathParam("id") UUID id) {
        OrgUnit u = directory.visible(actorUnit(), id);
        return Response.ok(OrgUnitView.of(u)).tag(Versions.etag(u.version)).build();
    }

    @GET
    @Path("/{id}/children")
    @Authenticated
    public Page<OrgUnitView> children(@PathParam("id") UUID id, @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
                                      @Valid @BeanParam PageParams paging) {
        return directory.children(actorUnit(), id, includeInactive, paging).map(OrgUnitView::of);
    }

    /** Search the caller's subtree; {@code q} matches names ignoring diacritics ("thanh sen" finds "Thành Sen"). */
    @GET
    @Authenticated
    public Page<OrgUnitView> search(@QueryParam("q") String q, @QueryParam("level") String level,
                                    @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
                                    @Valid @BeanParam PageParams paging) {
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "size", "q must have at most 200 characters");
        }
        return directory.search(actorUnit(), q, level, includeInactive, paging).map(OrgUnitView::of);
    }

    @POST
    @Path("/{id}/rename")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrgUnitView.class)))
    public Response rename(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull OrgUnitRequests.Rename body) {
        return changed(directory.rename(actorUnit(), id, Versions.required(ifMatch), body.name()));
    }

    @POST
    @Path("/{id}/move")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrgUnitView.class)))
    public Response move(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                         @Valid @NotNull OrgUnitRequests.Move body) {
        return changed(directory.move(actorUnit(), id, Versions.required(ifMatch), body.parentId()));
    }

    @POST
    @Path("/{id}/deactivate")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrgUnitView.class)))
    public Response deactivate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return changed(directory.deactivate(actorUnit(), id, Versions.required(ifMatch)));
    }

    /** The level types with Vietnamese labels and where each may sit. */
    @GET
    @Path("/levels")
    @Authenticated
    public List<LevelView> levels() {
        return directory.levels().stream().map(LevelView::of).toList();
    }

    public record LevelView(String code, String labelVi, String labelEn, List<String> parentLevels, boolean mayHaveUbkt,
                            boolean staffAgency, java.time.LocalDate validFrom, java.time.LocalDate validTo, String regulation) {
        static LevelView of(OrgLevel l) {
            return new LevelView(l.code, l.labelVi, l.labelEn, l.parentLevels.stream().sorted().toList(), l.mayHaveUbkt,
                    l.staffAgency, l.validFrom, l.validTo, l.regulation);
        }
    }

    private OrgUnit actorUnit() {
        return callerUnit.get();
    }

    private static Response changed(OrgUnit u) {
        return Response.ok(OrgUnitView.of(u)).tag(Versions.etag(u.version)).build();
    }
}
