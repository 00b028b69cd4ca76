package vn.ktgs.inspection;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.rules.RuleSetResource;

/** The inspection rule sets and the working-day calendar, at /api/v1/inspections/rule-sets. */
@Path("/api/v1/inspections/rule-sets")
public class InspectionRuleSets extends RuleSetResource {
}
