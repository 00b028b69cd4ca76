package vn.ktgs.planning.plan;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.UriInfo;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.time.StatisticsParams;
import vn.ktgs.kit.time.StatisticsPeriod;
import vn.ktgs.kit.web.Idempotency;
import vn.ktgs.kit.web.Params;
import vn.ktgs.kit.web.Versions;
import vn.ktgs.planning.org.CallerUnit;
import vn.ktgs.planning.org.OrgDirectory;
import vn.ktgs.planning.org.OrgUnit;
import vn.ktgs.planning.plan.PlanCodes.Kind;
import vn.ktgs.planning.plan.PlanCodes.Status;
import vn.ktgs.planning.plan.PlanWorkflow.Action;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /api/v1/plans: KT,GS plans. Officers of a unit draft and submit its plans; committee members of the
 * unit or of a unit above it return, approve and close them; everyone reads within their subtree.
 */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {
    private final Plans plans;
    private final PlanQueries queries;
    private final PlanReports reports;
    private final CallerUnit callerUnit;
    private final OrgDirectory directory;
    private final Idempotency idempotency;
    private final Clock clock;

    PlanResource(Plans plans, PlanQueries queries, PlanReports reports, CallerUnit callerUnit, OrgDirectory directory,
                 Idempotency idempotency, Clock clock) {
        this.plans = plans;
        this.queries = queries;
        this.clock = clock;
        this.reports = reports;
        this.callerUnit = callerUnit;
        this.directory = directory;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @APIResponse(responseCode = "201", description = "created; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanViews.PlanView.class)))
    public Response create(@Valid @NotNull PlanRequests.Draft body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.once(idempotencyKey, "POST /api/v1/plans", body, () -> {
            Plan p = plans.create(callerUnit.get(), body);
            return Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                    .tag(Versions.etag(p.version)).entity(queries.latestView(p)).build();
        });
    }

    /** Plans of {@code org} (default: the caller's unit) and, unless {@code subtree=false}, of the units below it. */
    @GET
    @Authenticated
    public Page<PlanViews.PlanSummary> list(@QueryParam("org") String org, @QueryParam("subtree") @DefaultValue("true") boolean subtree,
                                            @QueryParam("year") @Min(2000) @Max(2100) Integer year, @QueryParam("kind") String kind,
                                            @QueryParam("status") String status, @QueryParam("q") @Size(max = 200) String q,
                                            @Valid @BeanParam PageParams paging) {
        return queries.list(scope(org), subtree, year, Params.enumValue(Kind.class, kind, "kind"),
                Params.enumValue(Status.class, status, "status"), q, paging).map(PlanViews.PlanSummary::of);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @APIResponse(responseCode = "200", description = "the record; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanViews.PlanView.class)))
    public Response get(@PathParam("id") UUID id, @QueryParam("revision") @Min(1) Integer revision) {
        PlanViews.PlanView v = queries.view(callerUnit.get(), id, revision);
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanViews.PlanView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull PlanRequests.Draft body) {
        return changed(plans.update(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanViews.PlanView.class)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        return changed(plans.transition(callerUnit.get(), id, Versions.required(ifMatch), Action.SUBMIT, null));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Roles.COMMITTEE)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanViews.PlanView.class)))
    public Response sendBack(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                             @Valid @NotNull PlanRequests.Reason body) {
        return changed(plans.transition(callerUnit.get(), id, Versions.required(ifMatch), Action.RETURN, body.reason()));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.COMMITTEE)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanViews.PlanView.class)))
    public Response approve(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        return changed(plans.transition(callerUnit.get(), id, Versions.required(ifMatch), Action.APPROVE, null));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.COMMITTEE)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanViews.PlanView.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        return changed(plans.transition(callerUnit.get(), id, Versions.required(ifMatch), Action.CLOSE, null));
    }

    /** Opens a new revision of an approved plan, with the reason; it is approved like the first one. */
    @POST
    @Path("/{id}/amend")
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @APIResponse(responseCode = "200", description = "the record as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanViews.PlanView.class)))
    public Response amend(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                          @Valid @NotNull PlanRequests.Amendment body) {
        return changed(plans.amend(callerUnit.get(), id, Versions.required(ifMatch), body));
    }

    @GET
    @Path("/{id}/history")
    @Authenticated
    public PlanViews.History history(@PathParam("id") UUID id) {
        return queries.history(callerUnit.get(), id);
    }

    @GET
    @Path("/{id}/progress")
    @Authenticated
    public PlanReports.Progress progress(@PathParam("id") UUID id) {
        return reports.progress(queries.visible(callerUnit.get(), id), LocalDate.now(clock));
    }

    /** Which units below {@code org} have the approved plan they must have: by {@code year}, or by {@code term} ("2025-2030"). */
    @GET
    @Path("/coverage")
    @Authenticated
    public PlanReports.Coverage coverage(@QueryParam("org") String org, @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                         @QueryParam("term") @Pattern(regexp = "\\d{4}-\\d{4}", message = "a term is written 2025-2030") String term,
                                         @QueryParam("missingOnly") @DefaultValue("false") boolean missingOnly,
                                         @Valid @BeanParam PageParams paging) {
        if ((year == null) == (term == null)) {
            throw ProblemException.invalid("year", "year-or-term", "give either year or term");
        }
        int[] t = term == null ? null : Arrays.stream(term.split("-")).mapToInt(Integer::parseInt).toArray();
        if (t != null && t[1] <= t[0]) {
            throw ProblemException.invalid("term", "term-order", "a term ends in a later year than it starts, e.g. 2025-2030");
        }
        return reports.coverage(scope(org), year, t == null ? null : t[0], t == null ? null : t[1], missingOnly, paging);
    }

    /** Planned against done by unit and kind, for a year or one of its quarters or months. */
    @GET
    @Path("/report")
    @Authenticated
    public Page<PlanReports.ReportRow> report(@QueryParam("org") String org, @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
                                              @QueryParam("quarter") @Min(1) @Max(4) Integer quarter,
                                              @QueryParam("month") @Min(1) @Max(12) Integer month,
                                              @Valid @BeanParam PageParams paging) {
        if (quarter != null && month != null) {
            throw ProblemException.invalid("quarter", "quarter-or-month", "give a quarter or a month, not both");
        }
        LocalDate from = LocalDate.of(year, quarter != null ? 3 * quarter - 2 : month != null ? month : 1, 1);
        LocalDate to = quarter != null ? from.plusMonths(3).minusDays(1)
                : month != null ? from.plusMonths(1).minusDays(1) : LocalDate.of(year, 12, 31);
        return reports.report(scope(org), from, to, LocalDate.now(clock), paging);
    }

    /**
     * Plan statistics of {@code org}'s subtree for a period of QĐ 885 (DOMAIN §8): approved plans by kind, the share of
     * the units below with the plan they must have, items planned and done. CSV with {@code format=csv} or
     * {@code Accept: text/csv}.
     */
    @GET
    @Path("/statistics")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @APIResponse(responseCode = "200", description = "plans, coverage and items, a zero included",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanReports.Statistics.class)),
                    @Content(mediaType = "text/csv")})
    public Response statistics(@Valid @BeanParam StatisticsParams q) {
        StatisticsPeriod p = q.period();
        PlanReports.Statistics s = reports.statistics(scope(q.org), p.from(), p.to(), q.isTerm(), LocalDate.now(clock));
        return q.respond(s, () -> PlanReports.csv(s), "plan-statistics", p);
    }

    /** The codes of plans with their Vietnamese labels. */
    @GET
    @Path("/codes")
    @Authenticated
    public Map<String, List<Code>> codes() {
        return Map.of(
                "kind", Arrays.stream(Kind.values()).map(k -> new Code(k.name(), k.labelVi)).toList(),
                "status", Arrays.stream(Status.values()).map(k -> new Code(k.name(), k.labelVi)).toList(),
                "activity", Arrays.stream(PlanCodes.Activity.values()).map(k -> new Code(k.name(), k.labelVi)).toList(),
                "itemKind", Arrays.stream(PlanCodes.ItemKind.values()).map(k -> new Code(k.name(), k.labelVi)).toList(),
                "itemStatus", Arrays.stream(PlanCodes.ItemStatus.values()).map(k -> new Code(k.name(), k.labelVi)).toList(),
                "subjectType", Arrays.stream(PlanCodes.SubjectType.values()).map(k -> new Code(k.name(), k.labelVi)).toList(),
                "periodType", Arrays.stream(PlanCodes.PeriodType.values()).map(k -> new Code(k.name(), k.labelVi)).toList());
    }

    public record Code(String code, String labelVi) {
    }

    private OrgUnit scope(String org) {
        OrgUnit actor = callerUnit.get();
        UUID id = Params.uuid(org, "org");
        return id == null ? actor : directory.visible(actor, id);
    }

    private Response changed(Plan p) {
        return Response.ok(queries.latestView(p)).tag(Versions.etag(p.version)).build();
    }
}
