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
 * The rule sets exactly as the migration seeds them, read from its SQL, so that the unit tests check the data the
 * service runs on and not a copy of it: the rows shared by every set, then each set's own.
 */
final class MigrationRules {
    private static final Pattern SHARED = Pattern.compile("\\('(discipline\\.[\\w.-]+)',\\s*'((?:[^']++|'')*+)'");
    private static final Pattern OWN = Pattern.compile("\\('(DISCIPLINE-[\\w-]+)', '(discipline\\.[\\w.-]+)', '((?:[^']++|'')*+)'");

    private MigrationRules() {
    }

    static RuleSet load(String id) {
        String sql;
        try (InputStream in = MigrationRules.class.getResourceAsStream("/db/migration/V1__discipline_cases.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

    private static RuleSet.Rule rule(String json) {
        try {
            JsonNode v = EventJson.mapper().readTree(json.replace("''", "'"));
            return new RuleSet.Rule(v, "C", "");
        } catch (IOException e) {
            throw new IllegalStateException("rule value is not JSON: " + json, e);
        }
    }
}
