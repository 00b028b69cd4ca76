package vn.ktgs.planning.trail;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.web.Params;
import vn.ktgs.planning.org.CallerUnit;
import vn.ktgs.planning.trail.TrailLinks.RecordType;

import java.util.UUID;

/**
 * /api/v1/trail?ref=TYPE:ID: one matter across the four services, e.g. plan item, inspection, violation, discipline
 * case, appeal, amended decision; or denunciation, discipline. Any caller, within what its unit may see.
 */
@Path("/api/v1/trail")
@Produces(MediaType.APPLICATION_JSON)
public class TrailResource {
    private final TrailQueries queries;
    private final CallerUnit callerUnit;

    TrailResource(TrailQueries queries, CallerUnit callerUnit) {
        this.queries = queries;
        this.callerUnit = callerUnit;
    }

    @GET
    @Authenticated
    public TrailViews.Trail get(@QueryParam("ref") String ref) {
        int colon = ref == null ? -1 : ref.indexOf(':');
        RecordType type = colon < 0 ? null : Params.enumValue(RecordType.class, ref.substring(0, colon), "ref");
        UUID id = colon < 0 ? null : Params.uuid(ref.substring(colon + 1), "ref");
        if (type == null || id == null) {
            throw ProblemException.invalid("ref", "ref-format", "ref is TYPE:ID, TYPE one of PLAN_ITEM, INSPECTION, VIOLATION, "
                    + "DISCIPLINE_CASE, APPEAL, DENUNCIATION");
        }
        return queries.trail(callerUnit.get(), type, id);
    }
}
