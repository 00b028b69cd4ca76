package vn.ktgs.discipline;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.membercopy.MemberCopyResource;

/** The party members as discipline-service knows them from the directory's events. */
@Path("/api/v1/discipline-cases/members")
public class DisciplineMembers extends MemberCopyResource {
}
