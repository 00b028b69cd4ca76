package vn.ktgs.complaints.denunciation;

import io.quarkus.panache.common.Sort;
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
import vn.ktgs.complaints.HandlingRules;
import vn.ktgs.complaints.denunciation.DenunciationCodes.Status;
import vn.ktgs.complaints.ComplaintsReports;
import vn.ktgs.kit.orgcopy.CallerUnitCopy;
import vn.ktgs.kit.paging.ListQuery;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.time.StatisticsParams;
import vn.ktgs.kit.time.StatisticsPeriod;
import vn.ktgs.kit.web.Idempotency;
import vn.ktgs.kit.web.Params;
import vn.ktgs.kit.web.Versions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /api/v1/denunciations: letters received, screened and concluded by a body of the caller's unit (DOMAIN §3.4, §5,
 * §7.7). No answer but {@code /{id}/denouncers} (intake of the handling unit, audited) ever names a denouncer.
 */
@Path("/api/v1/denunciations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DenunciationResource {
    private static final String CHANGED = "the denunciation as changed; ETag is its new version";

    private final Denunciations denunciations;
    private final CallerUnitCopy callerUnit;
    private final Idempotency idempotency;
    private final Clock clock;
    private final ComplaintsReports reports;

    DenunciationResource(Denunciations denunciations, CallerUnitCopy callerUnit, Idempotency idempotency, Clock clock,
                         ComplaintsReports reports) {
        this.denunciations = denunciations;
        this.reports = reports;
        this.callerUnit = callerUnit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.INTAKE)
    @Transactional
    @APIResponse(responseCode = "201", description = "received; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DenunciationViews.DenunciationView.class)))
    public Response receive(@Valid @NotNull DenunciationRequests.Intake body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "POST /api/v1/denunciations", body, () -> {
            Denunciation d = denunciations.receive(callerUnit.get(), body);
            return Response.created(uri.getAbsolutePathBuilder().path(d.id.toString()).build()).tag(Versions.etag(d.version))
                    .entity(view(d)).build();
        });
    }

    /** Letters handled by {@code org} (default: the caller's unit) and below; {@code overdue=true}: accepted and past due. */
    @GET
    @Authenticated
    public Page<DenunciationViews.DenunciationView> list(@QueryParam("org") String org, @QueryParam("subtree") @DefaultValue("true") boolean subtree,
                                                        @QueryParam("status") String status, @QueryParam("overdue") Boolean overdue,
                                                        @Valid @BeanParam PageParams paging) {
        ListQuery q = ListQuery.within(callerUnit.within(org), subtree, "handlingUnitId")
                .equal("status", Params.enumValue(Status.class, status, "status"));
        if (Boolean.TRUE.equals(overdue)) {
            q.and("status in :open and dueOn < :today", "open", Status.OPEN);
            q.parameters().and("today", LocalDate.now(clock));
        }
        return ListQuery.page(Denunciation.<Denunciation>find(q.where(), Sort.descending("updatedAt").and("id"), q.parameters()), paging)
                .map(this::view);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @APIResponse(responseCode = "200", description = "the letter, without its denouncers; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DenunciationViews.DenunciationView.class)))
    public Response get(@PathParam("id") UUID id) {
        Denunciation d = visible(id);
        return Response.ok(view(d)).tag(Versions.etag(d.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @Authenticated
    public DenunciationViews.History history(@PathParam("id") UUID id) {
        Denunciation d = visible(id);
        return new DenunciationViews.History(d.id, Denunciation.Step.of(d.id).stream().map(DenunciationViews.StepView::of).toList());
    }

    /** The denouncers' identity: intake of the handling unit only; every read and refused read is audited. */
    @GET
    @Path("/{id}/denouncers")
    @Authenticated
    @Transactional
    public List<DenunciationRequests.Denouncer> denouncers(@PathParam("id") UUID id) {
        return denunciations.denouncers(callerUnit.get(), visible(id));
    }

    /** What was written to or about the denouncers (extension notices, withdrawal reasons): read and audited as the identity. */
    @GET
    @Path("/{id}/denouncer-notes")
    @Authenticated
    @Transactional
    public List<DenunciationViews.DenouncerNote> denouncerNotes(@PathParam("id") UUID id) {
        return denunciations.denouncerNotes(callerUnit.get(), visible(id));
    }

    @POST
    @Path("/{id}/screen")
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED)
    public Response screen(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DenunciationRequests.Screening body) {
        return changed(denunciations.screen(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** To the competent body (§3.4) before the screening; its receipt starts the clock. */
    @POST
    @Path("/{id}/transfer")
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED)
    public Response transfer(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull DenunciationRequests.Transfer body) {
        Denunciation d = denunciations.transfer(callerUnit.get(), id, Versions.required(ifMatch), body);
        // the unit that transferred it may no longer see it: answer with what it may know
        return Response.ok(Map.of("id", d.id, "handlingUnitId", d.handlingUnitId, "status", d.status)).tag(Versions.etag(d.version)).build();
    }

    /** The handling team (đoàn, tổ giải quyết): no accused and no denouncer on it (422 conflict-of-interest). */
    @POST
    @Path("/{id}/team")
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED)
    public Response team(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                         @Valid @NotNull DenunciationRequests.Team body) {
        return changed(denunciations.nameTeam(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The accused's explanation (giải trình). */
    @POST
    @Path("/{id}/explanation")
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED)
    public Response explanation(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                @Valid @NotNull DenunciationRequests.StepRecord body) {
        return changed(denunciations.step(callerUnit.get(), id, Versions.required(ifMatch), "EXPLANATION", body));
    }

    /** A verification entry (thẩm tra, xác minh). */
    @POST
    @Path("/{id}/verification")
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED)
    public Response verification(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                 @Valid @NotNull DenunciationRequests.StepRecord body) {
        return changed(denunciations.step(callerUnit.get(), id, Versions.required(ifMatch), "VERIFICATION", body));
    }

    /** One extension of the deadline (at most the rule set's working days), noticed to the denouncer. */
    @POST
    @Path("/{id}/extend")
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED)
    public Response extend(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DenunciationRequests.Extension body) {
        return changed(denunciations.extend(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The denouncer withdraws, from receipt on: handling stops, unless the withdrawal was coerced. */
    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED)
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull DenunciationRequests.Withdrawal body) {
        return changed(denunciations.withdraw(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    @POST
    @Path("/{id}/conclude")
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED)
    public Response conclude(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull DenunciationRequests.Conclusion body) {
        return changed(denunciations.conclude(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    @POST
    @Path("/{id}/notify-denouncer")
    @RolesAllowed({Roles.INTAKE, Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED)
    public Response notifyDenouncer(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                    @Valid @NotNull DenunciationRequests.StepRecord body) {
        return changed(denunciations.notifyDenouncer(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /**
     * Denunciations of {@code org}'s subtree for a period of QĐ 885: received, handled or not, resolved, overdue, by outcome.
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
        ComplaintsReports.Statistics s = reports.denunciations(callerUnit.within(q.org), p.from(), p.to());
        return q.respond(s, () -> ComplaintsReports.csv(s), "denunciation-statistics", p);
    }

    @GET
    @Path("/codes")
    @Authenticated
    public Map<String, List<DenunciationCodes.Code>> codes() {
        return DenunciationCodes.all();
    }

    private Denunciation visible(UUID id) {
        return HandlingRules.visible(Denunciation.<Denunciation>findById(id), callerUnit.get(), "denunciation", id);
    }

    private DenunciationViews.DenunciationView view(Denunciation d) {
        return DenunciationViews.DenunciationView.of(d, LocalDate.now(clock));
    }

    private Response changed(Denunciation d) {
        return Response.ok(view(d)).tag(Versions.etag(d.version)).build();
    }
}
