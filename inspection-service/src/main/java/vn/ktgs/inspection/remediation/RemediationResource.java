package vn.ktgs.inspection.remediation;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import vn.ktgs.inspection.inspection.InspectionCodes.RemediationStatus;
import vn.ktgs.inspection.inspection.InspectionViews.RemediationView;
import vn.ktgs.kit.orgcopy.CallerUnitCopy;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.paging.Page;
import vn.ktgs.kit.paging.PageParams;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Roles;
import vn.ktgs.kit.web.Params;
import vn.ktgs.kit.web.Versions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** /api/v1/inspections/remediation: what subjects must remedy, which is overdue, and the subjects' reports. */
@Path("/api/v1/inspections/remediation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RemediationResource {
    private final Remediations remediations;
    private final RemediationQueries queries;
    private final CallerUnitCopy callerUnit;
    private final Clock clock;

    RemediationResource(Remediations remediations, RemediationQueries queries, CallerUnitCopy callerUnit, Clock clock) {
        this.remediations = remediations;
        this.queries = queries;
        this.callerUnit = callerUnit;
        this.clock = clock;
    }

    /** Items the units of {@code org}'s subtree (default: the caller's unit) must remedy; {@code overdue=true}: only late ones. */
    @GET
    @Authenticated
    public Page<RemediationView> list(@QueryParam("org") String org, @QueryParam("overdue") String overdue,
                                      @QueryParam("status") String status, @Valid @BeanParam PageParams paging) {
        OrgUnitCopy actor = callerUnit.get();
        UUID id = Params.uuid(org, "org");
        OrgUnitCopy scope = id == null ? actor : OrgUnitCopy.findById(id);
        if (!actor.contains(scope)) {
            throw ProblemException.notFound("org unit " + id);
        }
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw ProblemException.invalid("overdue", "boolean", "overdue is true or false");
        }
        LocalDate today = LocalDate.now(clock);
        return queries.list(scope, overdue == null ? null : Boolean.valueOf(overdue),
                Params.enumValue(RemediationStatus.class, status, "status"), today, paging).map(r -> RemediationView.of(r, today));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @APIResponse(responseCode = "200", description = "the item with its reports; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Item.class)))
    public Response get(@PathParam("id") UUID id) {
        RemediationItem item = Remediations.requireVisible(callerUnit.get(), id, RemediationItem.findById(id));
        return Response.ok(new Item(RemediationView.of(item, LocalDate.now(clock)), RemediationReport.of(id).stream()
                .map(ReportView::of).toList())).tag(Versions.etag(item.version)).build();
    }

    /** A report on an item: IN_PROGRESS or DONE, with what was done. */
    @POST
    @Path("/{id}/reports")
    @RolesAllowed({Roles.OFFICER, Roles.COMMISSION, Roles.COMMITTEE})
    @Transactional
    @APIResponse(responseCode = "200", description = "the item as changed; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Item.class)))
    public Response report(@PathParam("id") UUID id, @HeaderParam(Versions.IF_MATCH) String ifMatch,
                           @Valid @NotNull RemediationRequests.Report body) {
        RemediationItem item = remediations.report(callerUnit.get(), id, Versions.required(ifMatch), body);
        return Response.ok(new Item(RemediationView.of(item, LocalDate.now(clock)), RemediationReport.of(id).stream()
                .map(ReportView::of).toList())).tag(Versions.etag(item.version)).build();
    }

    public record Item(RemediationView item, List<ReportView> reports) {
    }

    public record ReportView(LocalDate on, RemediationStatus status, String summary, String actor) {
        static ReportView of(RemediationReport r) {
            return new ReportView(r.onDate, r.status, r.summary, r.actor);
        }
    }
}
