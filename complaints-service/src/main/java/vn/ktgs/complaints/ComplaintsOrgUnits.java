package vn.ktgs.complaints;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.orgcopy.OrgCopyResource;

/** The org directory as complaints-service knows it from the directory's events. */
@Path("/api/v1/denunciations/org-units")
public class ComplaintsOrgUnits extends OrgCopyResource {
}
