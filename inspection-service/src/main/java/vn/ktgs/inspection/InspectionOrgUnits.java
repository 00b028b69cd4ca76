package vn.ktgs.inspection;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.orgcopy.OrgCopyResource;

/** The org directory as inspection-service knows it from the directory's events. */
@Path("/api/v1/inspections/org-units")
public class InspectionOrgUnits extends OrgCopyResource {
}
