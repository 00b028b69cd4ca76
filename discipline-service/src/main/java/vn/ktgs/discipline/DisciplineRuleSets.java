package vn.ktgs.discipline;

import jakarta.ws.rs.Path;
import vn.ktgs.kit.rules.RuleSetResource;

/** The discipline rule sets (authority rows, votes, limitation, effect) and the working-day calendar. */
@Path("/api/v1/discipline-cases/rule-sets")
public class DisciplineRuleSets extends RuleSetResource {
}
