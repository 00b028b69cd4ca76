package vn.ktgs.kit.orgcopy;

import io.agroal.api.AgroalDataSource;
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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/**
 * An org unit as this service knows it from the directory's events: lets an administrator or an
 * integrating system see whether a service has caught up. A service exposes it under its own path
 * by extending this class with a {@code @Path}, e.g. {@code /api/v1/inspections/org-units}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class OrgCopyResource {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Caller caller;
    @Inject
    OrgScope scope;

    @GET
    @Path("/{id}")
    @Authenticated
    public OrgUnitUpserted get(@PathParam("id") UUID id) {
        scope.requireVisible(caller, id, "org unit " + id);
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("SELECT id, code, name, level,"
                + " parent_id, path, has_ubkt, has_btv, authorised_to_admit, active, version, changed_at"
                + " FROM kit_org_unit_copy WHERE id = ?")) {
            ps.setObject(1, id);
            var rs = ps.executeQuery();
            if (!rs.next()) {
                throw ProblemException.notFound("org unit " + id);
            }
            String[] path = rs.getString("path").substring(1).split("/");
            return new OrgUnitUpserted(id, rs.getString("code"), rs.getString("name"), rs.getString("level"),
                    rs.getObject("parent_id", UUID.class),
                    Arrays.stream(path, 0, path.length - 1).map(UUID::fromString).toList(),
                    rs.getBoolean("has_ubkt"), rs.getBoolean("has_btv"), rs.getBoolean("authorised_to_admit"),
                    rs.getBoolean("active"), rs.getLong("version"), rs.getTimestamp("changed_at").toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("org copy lookup failed", e);
        }
    }
}
