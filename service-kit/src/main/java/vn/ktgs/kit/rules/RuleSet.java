package vn.ktgs.kit.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One versioned rule set: its regulation, the dates it is in force, and its rules by key. */
public record RuleSet(String id, String domain, String regulation, String title, LocalDate effectiveFrom,
                      LocalDate effectiveTo, Map<String, Rule> rules) {

    public record Rule(JsonNode value, String source, String basis) {
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    public JsonNode value(String key) {
        Rule r = rules.get(key);
        if (r == null) {
            throw new IllegalStateException("rule set " + id + " has no rule " + key);
        }
        return r.value();
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        value(key).forEach(v -> out.add(v.asText()));
        return out;
    }

    public int integer(String key) {
        return value(key).asInt();
    }
}
