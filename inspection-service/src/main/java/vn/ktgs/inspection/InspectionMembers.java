package vn.ktgs.inspection;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.membercopy.MemberCopyResource;

/** The party members as inspection-service knows them from the directory's events. */
@Path("/api/v1/inspections/members")
public class InspectionMembers extends MemberCopyResource {
}
