package vn.ktgs.inspection.inspection;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import vn.ktgs.inspection.inspection.InspectionCodes.Activity;
import vn.ktgs.inspection.inspection.InspectionCodes.Kind;
import vn.ktgs.inspection.inspection.InspectionCodes.Status;
import vn.ktgs.inspection.inspection.InspectionWorkflow.Action;
import vn.ktgs.kit.orgcopy.CallerUnitCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.web.Idempotency;
import vn.ktgs.kit.time.StatisticsParams;
import vn.ktgs.kit.time.StatisticsPeriod;
import vn.ktgs.kit.web.Params;
import vn.ktgs.kit.web.Versions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /api/v1/inspections: inspections and supervisions of every kind (DOMAIN §1) and each step of their work (§5). The
 * team of the deciding unit records them and their steps; the deciding body decides, concludes and issues notices;
 * everyone reads within their subtree.
 */
@Path("/api/v1/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InspectionResource {
    private static final String CHANGED = "the record as changed; ETag is its new version";

    private final Inspections inspections;
    private final InspectionQueries queries;
    private final CallerUnitCopy callerUnit;
    private final InspectionReports reports;
    private final Idempotency idempotency;

    InspectionResource(Inspections inspections, InspectionQueries queries, InspectionReports reports, CallerUnitCopy callerUnit,
                       Idempotency idempotency) {
        this.inspections = inspections;
        this.reports = reports;
        this.queries = queries;
        this.callerUnit = callerUnit;
        this.idempotency = idempotency;
    }

    /** Records a planned inspection or supervision; warns of another body's open inspection of the same subject. */
    @POST
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "201", description = "created; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response create(@Valid @NotNull InspectionRequests.Draft body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "POST /api/v1/inspections", body, () -> {
            Inspections.Changed c = inspections.create(callerUnit.get(), body);
            return Response.created(uri.getAbsolutePathBuilder().path(c.inspection().id.toString()).build())
                    .tag(Versions.etag(c.inspection().version)).entity(queries.view(c.inspection(), c.warnings())).build();
        });
    }

    /** Inspections and supervisions decided by {@code org} (default: the caller's unit) and, unless {@code subtree=false}, below it. */
    @GET
    @Authenticated
    public Page<InspectionViews.InspectionSummary> list(@QueryParam("org") String org,
                                                        @QueryParam("subtree") @DefaultValue("true") boolean subtree,
                                                        @QueryParam("activity") String activity, @QueryParam("kind") String kind,
                                                        @QueryParam("status") String status,
                                                        @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                                        @QueryParam("subjectOrgUnitId") String subjectOrgUnitId,
                                                        @QueryParam("subjectMemberId") String subjectMemberId,
                                                        @QueryParam("planItemId") String planItemId,
                                                        @QueryParam("q") @Size(max = 200) String q,
                                                        @Valid @BeanParam PageParams paging) {
        InspectionQueries.Filter f = new InspectionQueries.Filter(Params.enumValue(Activity.class, activity, "activity"),
                Params.enumValue(Kind.class, kind, "kind"), Params.enumValue(Status.class, status, "status"), year,
                Params.uuid(subjectOrgUnitId, "subjectOrgUnitId"), Params.uuid(subjectMemberId, "subjectMemberId"),
                Params.uuid(planItemId, "planItemId"), q);
        return queries.list(callerUnit.within(org), subtree, f, paging).map(InspectionViews.InspectionSummary::of);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @APIResponse(responseCode = "200", description = "the record; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response get(@PathParam("id") UUID id) {
        InspectionViews.InspectionView v = queries.view(callerUnit.get(), id);
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    /** Every step with its record, the verification entries and the recoveries. */
    @GET
    @Path("/{id}/history")
    @Authenticated
    public InspectionViews.History history(@PathParam("id") UUID id) {
        return queries.history(callerUnit.get(), id);
    }

    /** The whole content while PLANNED. */
    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull InspectionRequests.Draft body) {
        return changed(inspections.update(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The decision to inspect (deciding body): number, date, team. */
    @POST
    @Path("/{id}/decide")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response decide(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull InspectionRequests.Decision body) {
        return changed(inspections.decide(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The notice to the subject; no field work before it (DOMAIN §7.10). */
    @POST
    @Path("/{id}/notify")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response notify(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull InspectionRequests.Notice body) {
        return changed(inspections.notify(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The subject's self-report (an inspection) or report (a supervision) was received. */
    @POST
    @Path("/{id}/self-report")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response selfReport(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                               @Valid @NotNull InspectionRequests.StepRecord body) {
        return step(id, ifMatch, Action.SELF_REPORT_RECEIVED, body);
    }

    /** A verification entry (documents, interviews, supplements) or a supervision's working session. */
    @POST
    @Path("/{id}/verification")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response verify(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull InspectionRequests.VerificationEntry body) {
        return changed(inspections.verify(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The team's draft report of the result. */
    @POST
    @Path("/{id}/draft-report")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response draftReport(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                @Valid @NotNull InspectionRequests.StepRecord body) {
        return step(id, ifMatch, Action.DRAFT_REPORT_WRITTEN, body);
    }

    /** The subject was heard on the draft (giải trình). */
    @POST
    @Path("/{id}/hearing")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response hearing(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                            @Valid @NotNull InspectionRequests.StepRecord body) {
        return step(id, ifMatch, Action.HEAR, body);
    }

    /** The deciding body's conclusion, with violations, remediation and a finance inspection's amounts. */
    @POST
    @Path("/{id}/conclude")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response conclude(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull InspectionRequests.Conclusion body) {
        return changed(inspections.conclude(callerUnit.get(), id, Versions.required(ifMatch), Action.CONCLUDE, body));
    }

    /** The conclusion notice: number, date, recipients, publication scope. */
    @POST
    @Path("/{id}/issue-notice")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response issueNotice(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                @Valid @NotNull InspectionRequests.NoticeContent body) {
        return changed(inspections.issueNotice(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** A supervision's result notice (deciding body): its content and the notice in one step. */
    @POST
    @Path("/{id}/issue-result")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response issueResult(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                @Valid @NotNull InspectionRequests.Conclusion body) {
        return changed(inspections.conclude(callerUnit.get(), id, Versions.required(ifMatch), Action.ISSUE_RESULT, body));
    }

    /** A supervision's signs of violation become an inspection proposal for the competent body. */
    @POST
    @Path("/{id}/propose-inspection")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED + "; proposedInspectionId names the proposal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response proposeInspection(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                      @Valid @NotNull InspectionRequests.Proposal body) {
        return changed(inspections.proposeInspection(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** Follow-up of the remediation starts. */
    @POST
    @Path("/{id}/follow-up")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response followUp(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull InspectionRequests.StepRecord body) {
        return step(id, ifMatch, Action.FOLLOW_UP_STARTED, body);
    }

    /** An amount recovered after a party finance inspection. */
    @POST
    @Path("/{id}/recoveries")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response recordRecovery(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                                   @Valid @NotNull InspectionRequests.Recovery body) {
        return changed(inspections.recordRecovery(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The file is closed; every remediation item must be done. */
    @POST
    @Path("/{id}/archive")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response archive(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                            @Valid @NotNull InspectionRequests.StepRecord body) {
        return step(id, ifMatch, Action.ARCHIVE, body);
    }

    /** Cancelled before its field work (deciding body), with the reason. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionViews.InspectionView.class)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull InspectionRequests.Cancellation body) {
        return changed(inspections.cancel(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /**
     * Statistics of {@code org}'s subtree (default: the caller's unit) for a period of QĐ 885: MONTH (month), QUARTER
     * (quarter), SIX_MONTHS, NINE_MONTHS, YEAR of {@code year}, or TERM ({@code term} "2025-2030"). CSV with
     * {@code format=csv} or {@code Accept: text/csv}.
     */
    @GET
    @Path("/statistics")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @APIResponse(responseCode = "200", description = "counts by kind and the total",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionReports.Statistics.class)),
                    @Content(mediaType = "text/csv")})
    public Response statistics(@Valid @BeanParam StatisticsParams q) {
        StatisticsPeriod p = q.period();
        InspectionReports.Statistics s = reports.statistics(callerUnit.within(q.org), p.from(), p.to());
        return q.respond(s, () -> InspectionReports.csv(s), "inspection-statistics", p);
    }

    /** The codes of inspections with their Vietnamese labels. */
    @GET
    @Path("/codes")
    @Authenticated
    public Map<String, List<InspectionCodes.Code>> codes() {
        return InspectionCodes.all();
    }

    private Response step(UUID id, String ifMatch, Action action, InspectionRequests.StepRecord body) {
        return changed(inspections.step(callerUnit.get(), id, Versions.required(ifMatch), action, body));
    }

    private Response changed(Inspection i) {
        return changed(new Inspections.Changed(i, List.of()));
    }

    private Response changed(Inspections.Changed c) {
        return Response.ok(queries.view(c.inspection(), c.warnings())).tag(Versions.etag(c.inspection().version)).build();
    }
}
