package vn.ktgs.planning;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.rules.RuleSetResource;

/** The planning rule sets and the working-day calendar, at /api/v1/rule-sets. */
@Path("/api/v1/rule-sets")
public class PlanningRuleSets extends RuleSetResource {
}
