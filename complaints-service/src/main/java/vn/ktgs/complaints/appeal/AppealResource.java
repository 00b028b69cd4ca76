package vn.ktgs.complaints.appeal;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.ktgs.complaints.appeal.AppealCodes.Status;
import vn.ktgs.complaints.ComplaintsReports;
import vn.ktgs.kit.orgcopy.CallerUnitCopy;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.time.StatisticsParams;
import vn.ktgs.kit.time.StatisticsPeriod;
import vn.ktgs.kit.web.Idempotency;
import vn.ktgs.kit.web.Params;
import vn.ktgs.kit.web.Versions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /api/v1/appeals: appeals against discipline decisions (DOMAIN §3.3, §5, §7.6). The body at the level the chain has
 * reached records the appeal it received (handled or not, with every reason); its officers investigate and notify;
 * the body decides. Everyone reads within their subtree.
 */
@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppealResource {
    private static final String CHANGED = "the appeal as changed; ETag is its new version";

    private final Appeals appeals;
    private final AppealQueries queries;
    private final CallerUnitCopy callerUnit;
    private final Idempotency idempotency;
    private final ComplaintsReports reports;

    AppealResource(Appeals appeals, AppealQueries queries, CallerUnitCopy callerUnit, Idempotency idempotency, ComplaintsReports reports) {
        this.appeals = appeals;
        this.reports = reports;
        this.queries = queries;
        this.callerUnit = callerUnit;
        this.idempotency = idempotency;
    }

    /** Records an appeal received: ACCEPTED with its deadline (and appeal.filed), or REJECTED with its reasons. */
    @POST
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "201", description = "recorded; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealViews.AppealView.class)))
    public Response file(@Valid @NotNull AppealRequests.Filing body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "POST /api/v1/appeals", body, () -> {
            Appeal a = appeals.file(callerUnit.get(), body);
            return Response.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build()).tag(Versions.etag(a.version))
                    .entity(queries.view(a)).build();
        });
    }

    /** Appeals handled by {@code org} (default: the caller's unit) and below; {@code overdue=true}: open past their deadline. */
    @GET
    @Authenticated
    public Page<AppealViews.AppealView> list(@QueryParam("org") String org, @QueryParam("subtree") @DefaultValue("true") boolean subtree,
                                             @QueryParam("status") String status, @QueryParam("caseId") String caseId,
                                             @QueryParam("overdue") Boolean overdue, @Valid @BeanParam PageParams paging) {
        return queries.list(callerUnit.within(org), subtree, Params.enumValue(Status.class, status, "status"),
                Params.uuid(caseId, "caseId"), overdue, paging).map(queries::view);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @APIResponse(responseCode = "200", description = "the appeal; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealViews.AppealView.class)))
    public Response get(@PathParam("id") UUID id) {
        Appeal a = queries.visible(callerUnit.get(), id);
        return Response.ok(queries.view(a)).tag(Versions.etag(a.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @Authenticated
    public AppealViews.History history(@PathParam("id") UUID id) {
        return queries.history(callerUnit.get(), id);
    }

    /** The investigation starts (thẩm tra, xác minh). */
    @POST
    @Path("/{id}/investigate")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealViews.AppealView.class)))
    public Response investigate(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                @Valid @NotNull AppealRequests.StepRecord body) {
        return changed(appeals.investigate(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The handling body's decision: upheld, changed (new form) or annulled; appeal.decided. */
    @POST
    @Path("/{id}/decide")
    @RolesAllowed({Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealViews.AppealView.class)))
    public Response decide(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull AppealRequests.Decision body) {
        return changed(appeals.decide(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The appellant was told of the decision, or of why the appeal is not handled. */
    @POST
    @Path("/{id}/notify")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealViews.AppealView.class)))
    public Response notifyAppellant(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                    @Valid @NotNull AppealRequests.StepRecord body) {
        return changed(appeals.notifyAppellant(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /**
     * Appeals of {@code org}'s subtree for a period of QĐ 885: received, handled or not, resolved, overdue, by outcome.
     * JSON, or CSV with {@code format=csv} or {@code Accept: text/csv}.
     */
    @GET
    @Path("/statistics")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @APIResponse(responseCode = "200", description = "counts, a zero included",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintsReports.Statistics.class)),
                    @Content(mediaType = "text/csv")})
    public Response statistics(@Valid @BeanParam StatisticsParams q) {
        StatisticsPeriod p = q.period();
        ComplaintsReports.Statistics s = reports.appeals(callerUnit.within(q.org), p.from(), p.to());
        return q.respond(s, () -> ComplaintsReports.csv(s), "appeal-statistics", p);
    }

    @GET
    @Path("/codes")
    @Authenticated
    public Map<String, List<AppealCodes.Code>> codes() {
        return AppealCodes.all();
    }

    private Response changed(Appeal a) {
        return Response.ok(queries.view(a)).tag(Versions.etag(a.version)).build();
    }
}
