package vn.ktgs.complaints;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.membercopy.MemberCopyResource;

/** The party members as complaints-service knows them from the directory's events. */
@Path("/api/v1/denunciations/members")
public class ComplaintsMembers extends MemberCopyResource {
}
