package vn.ktgs.discipline.cases;

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
import vn.ktgs.kit.discipline.DisciplineTerms.Form;
import vn.ktgs.discipline.cases.DisciplineCodes.Status;
import vn.ktgs.discipline.cases.DisciplineCodes.SubjectType;
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
 * /api/v1/discipline-cases: discipline cases of members and party organisations, from the violation to the end of the
 * decision's effect (DOMAIN §5). Officers of the deciding unit open cases and record the steps; the deciding body
 * defers, votes, decides, proposes up and announces; everyone reads within their subtree.
 */
@Path("/api/v1/discipline-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisciplineCaseResource {
    private static final String CHANGED = "the case as changed; ETag is its new version";

    private final DisciplineCases cases;
    private final DisciplineCaseQueries queries;
    private final DisciplineReports reports;
    private final CallerUnitCopy callerUnit;
    private final Idempotency idempotency;

    DisciplineCaseResource(DisciplineCases cases, DisciplineCaseQueries queries, DisciplineReports reports, CallerUnitCopy callerUnit,
                           Idempotency idempotency) {
        this.cases = cases;
        this.queries = queries;
        this.reports = reports;
        this.callerUnit = callerUnit;
        this.idempotency = idempotency;
    }

    /** Opens a case at the caller's unit: a member or an organisation, its violation acts, the body that considers it. */
    @POST
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "201", description = "created; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response create(@Valid @NotNull DisciplineRequests.Draft body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "POST /api/v1/discipline-cases", body, () -> {
            DisciplineCase c = cases.create(callerUnit.get(), body);
            return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                    .tag(Versions.etag(c.version)).entity(queries.view(c)).build();
        });
    }

    /** Cases before {@code org} (default: the caller's unit) and, unless {@code subtree=false}, the units below it. */
    @GET
    @Authenticated
    public Page<DisciplineViews.CaseSummary> list(@QueryParam("org") String org,
                                                  @QueryParam("subtree") @DefaultValue("true") boolean subtree,
                                                  @QueryParam("status") String status, @QueryParam("form") String form,
                                                  @QueryParam("subjectType") String subjectType,
                                                  @QueryParam("subjectMemberId") String subjectMemberId,
                                                  @QueryParam("subjectOrgUnitId") String subjectOrgUnitId,
                                                  @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                                  @QueryParam("q") @Size(max = 200) String q,
                                                  @Valid @BeanParam PageParams paging) {
        DisciplineCaseQueries.Filter f = new DisciplineCaseQueries.Filter(Params.enumValue(Status.class, status, "status"),
                Params.enumValue(Form.class, form, "form"), Params.enumValue(SubjectType.class, subjectType, "subjectType"),
                Params.uuid(subjectMemberId, "subjectMemberId"), Params.uuid(subjectOrgUnitId, "subjectOrgUnitId"), year, q);
        return queries.list(callerUnit.within(org), subtree, f, paging).map(DisciplineViews.CaseSummary::of);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @APIResponse(responseCode = "200", description = "the case; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response get(@PathParam("id") UUID id) {
        DisciplineViews.CaseView v = queries.view(callerUnit.get(), id);
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    /** Every step with its record. */
    @GET
    @Path("/{id}/history")
    @Authenticated
    public DisciplineViews.History history(@PathParam("id") UUID id) {
        return queries.history(callerUnit.get(), id);
    }

    /** The whole content while OPENED; the subject and the body stay. */
    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.Draft body) {
        return changed(cases.update(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** Deferral on a ground of §6, until a date: no step but the resumption until then. */
    @POST
    @Path("/{id}/defer")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response defer(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.Deferral body) {
        return changed(cases.defer(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The deferral ended: the case takes up where it stopped. */
    @POST
    @Path("/{id}/resume")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response resume(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.StepRecord body) {
        return changed(cases.resume(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The self-criticism, with the form the member proposes, or its documented refusal. */
    @POST
    @Path("/{id}/self-criticism")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response selfCriticism(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.SelfCriticismRecord body) {
        return changed(cases.selfCriticism(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** A representative of the competent body heard the subject. */
    @POST
    @Path("/{id}/hearing")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response hear(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.Hearing body) {
        return changed(cases.hear(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The secret ballot per form, with its denominator and exclusions; counted as DOMAIN §6 says. */
    @POST
    @Path("/{id}/vote")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response vote(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.Ballot body) {
        return changed(cases.vote(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The decision on the vote's form, by a body with authority for it; after the limitation check. */
    @POST
    @Path("/{id}/decide")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response decide(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.Decision body) {
        return changed(cases.decide(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** A body without authority for the form sends the file up: a case opens before the body the rules name. */
    @POST
    @Path("/{id}/propose-up")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response proposeUp(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.StepRecord body) {
        return changed(cases.proposeUp(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The announcement: the decision takes effect, the appeal window opens, discipline.decided is emitted. */
    @POST
    @Path("/{id}/announce")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response announce(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.StepRecord body) {
        return changed(cases.announce(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The decision was reported to the body above. */
    @POST
    @Path("/{id}/report-up")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = CHANGED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineViews.CaseView.class)))
    public Response reportUp(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull DisciplineRequests.StepRecord body) {
        return changed(cases.reportUp(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    /** The decisions in effect on a member today and what each forbids (no transfer, appointment, awards, …). */
    @GET
    @Path("/restrictions")
    @Authenticated
    public DisciplineViews.MemberRestrictions restrictions(@QueryParam("memberId") String memberId) {
        UUID id = Params.uuid(memberId, "memberId");
        if (id == null) {
            throw vn.ktgs.kit.problem.ProblemException.invalid("memberId", "required", "memberId names the member");
        }
        return queries.restrictions(callerUnit.get(), id);
    }

    /**
     * Discipline statistics of {@code org}'s subtree for a period of QĐ 885: by form for members and organisations, by
     * deciding body, by violation group. JSON, or CSV with {@code format=csv} or {@code Accept: text/csv}.
     */
    @GET
    @Path("/statistics")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @APIResponse(responseCode = "200", description = "counts by form, body and violation group",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisciplineReports.Statistics.class)),
                    @Content(mediaType = "text/csv")})
    public Response statistics(@Valid @BeanParam StatisticsParams q) {
        StatisticsPeriod p = q.period();
        DisciplineReports.Statistics s = reports.statistics(callerUnit.within(q.org), p.from(), p.to());
        return q.respond(s, () -> DisciplineReports.csv(s), "discipline-statistics", p);
    }

    /** The codes of discipline cases with their Vietnamese labels. */
    @GET
    @Path("/codes")
    @Authenticated
    public Map<String, List<DisciplineCodes.Code>> codes() {
        return DisciplineCodes.all();
    }

    private Response changed(DisciplineCase c) {
        return Response.ok(queries.view(c)).tag(Versions.etag(c.version)).build();
    }
}
