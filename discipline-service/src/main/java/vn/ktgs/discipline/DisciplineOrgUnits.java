package vn.ktgs.discipline;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.orgcopy.OrgCopyResource;

/** The org directory as discipline-service knows it from the directory's events. */
@Path("/api/v1/discipline-cases/org-units")
public class DisciplineOrgUnits extends OrgCopyResource {
}
