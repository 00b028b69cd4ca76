package vn.ktgs.kit.orgcopy;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.ktgs.events.OrgUnitUpserted;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.security.OrgScope;

import java.util.UUID;

/**
 * An org unit as this service knows it from the directory's events: lets an administrator or an
 * integrating system see whether a service has caught up. A service exposes it under its own path
 * by extending this class with a {@code @Path}, e.g. {@code /api/v1/inspections/org-units}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class OrgCopyResource {
    @Inject
    Caller caller;
    @Inject
    OrgScope scope;

    @GET
    @Path("/{id}")
    @Authenticated
    public OrgUnitUpserted get(@PathParam("id") UUID id) {
        scope.requireVisible(caller, id, "org unit " + id);
        OrgUnitCopy u = OrgUnitCopy.findById(id);
        if (u == null) {
            throw ProblemException.notFound("org unit " + id);
        }
        return new OrgUnitUpserted(u.id, u.code, u.name, u.level, u.parentId, u.ancestorIds(), u.hasUbkt, u.hasBtv,
                u.authorisedToAdmit, u.active, u.version, u.changedAt);
    }
}
