package vn.ktgs.discipline.cases;

import com.fasterxml.jackson.databind.JsonNode;
import vn.ktgs.events.EventJson;
import vn.ktgs.kit.rules.RuleSet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule sets exactly as the migrations seed them, read from their SQL, so that the unit tests check the data the
 * service runs on and not a copy of it: V1's rows shared by every set, then each set's own, then the kit's shared
 * authority rows, which Flyway applies after V1.
 */
final class MigrationRules {
    private static final Pattern SHARED = Pattern.compile("\\('(discipline\\.[\\w.-]+)',\\s*'((?:[^']++|'')*+)'");
    private static final Pattern OWN = Pattern.compile("\\('(DISCIPLINE-[\\w-]+)', '(discipline\\.[\\w.-]+)', '((?:[^']++|'')*+)'");

    private MigrationRules() {
    }

    static RuleSet load(String id) {
        String sql = read("/db/migration/V1__discipline_cases.sql") + read("/db/discipline-authority/R__discipline_authority.sql");
        Map<String, RuleSet.Rule> rules = new HashMap<>();
        Matcher m = SHARED.matcher(sql);
        while (m.find()) {
            rules.put(m.group(1), rule(m.group(2)));
        }
        m = OWN.matcher(sql);
        while (m.find()) {
            if (m.group(1).equals(id)) {
                rules.put(m.group(2), rule(m.group(3)));
            }
        }
        if (!rules.containsKey("discipline.limitation.end-point")) {
            throw new IllegalStateException("no rule set " + id + " in the migration");
        }
        return new RuleSet(id, "discipline", id, id, LocalDate.of(2000, 1, 1), null, rules);
    }

    private static String read(String resource) {
        try (InputStream in = MigrationRules.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleSet.Rule rule(String json) {
        try {
            JsonNode v = EventJson.mapper().readTree(json.replace("''", "'"));
            return new RuleSet.Rule(v, "C", "");
        } catch (IOException e) {
            throw new IllegalStateException("rule value is not JSON: " + json, e);
        }
    }
}
