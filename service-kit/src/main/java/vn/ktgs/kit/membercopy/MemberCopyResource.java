package vn.ktgs.kit.membercopy;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.ktgs.events.MemberUpserted;
import vn.ktgs.kit.problem.ProblemException;
import vn.ktgs.kit.security.Caller;
import vn.ktgs.kit.security.OrgScope;

import java.util.UUID;

/**
 * A party member as this service knows it from the directory's events, to see whether a service has
 * caught up. Visible only to callers whose unit contains the member's unit, so a member whose unit this
 * service has not learnt of yet is 404 to everyone. A service exposes it under its own path by
 * extending this class with a {@code @Path}, e.g. {@code /api/v1/inspections/members}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class MemberCopyResource {
    @Inject
    Caller caller;
    @Inject
    OrgScope scope;

    @GET
    @Path("/{id}")
    @Authenticated
    public MemberUpserted get(@PathParam("id") UUID id) {
        MemberCopy m = MemberCopy.findById(id);
        // unknown and out of scope look the same
        scope.requireVisible(caller, m == null ? null : m.unitId, "member " + id);
        return new MemberUpserted(m.id, m.cardNumber, m.fullName, m.unitId, m.status, m.statusSince,
                m.committeePosts.stream().map(s -> new MemberUpserted.CommitteePost(s.unitId, s.body, s.post, s.termStart, s.termEnd))
                        .toList(),
                m.statePosition, m.managingUnitId, m.retired, m.version, m.changedAt);
    }
}
