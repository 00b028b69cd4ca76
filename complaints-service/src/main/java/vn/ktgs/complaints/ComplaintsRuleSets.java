package vn.ktgs.complaints;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.rules.RuleSetResource;

/** The complaints rule sets (appeal levels and deadlines) and the working-day calendar. */
@Path("/api/v1/appeals/rule-sets")
public class ComplaintsRuleSets extends RuleSetResource {
}
