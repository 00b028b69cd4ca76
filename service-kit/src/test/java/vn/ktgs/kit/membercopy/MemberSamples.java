package vn.ktgs.kit.membercopy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.ktgs.events.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Member event data read off {@code schemas/member.upserted.v1.json}: what it allows (every status, every
 * body, only the required fields at their bounds) and what it forbids, each with a fresh member id.
 */
public final class MemberSamples {
    private static final JsonNode SCHEMA = read();

    private MemberSamples() {
    }

    /** Named samples the schema allows, of members of {@code unit} with seats on bodies of {@code seatUnit}. */
    public static Map<String, ObjectNode> allowed(UUID unit, UUID seatUnit) {
        List<String> statuses = strings(SCHEMA.at("/properties/status/enum"));
        List<String> bodies = strings(SCHEMA.at("/properties/committeePosts/items/properties/body/enum"));
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (String status : statuses) {
            ObjectNode data = base(unit, "Đảng viên " + status);
            data.put("status", status);
            for (String body : bodies) {
                data.withArray("committeePosts").addObject().put("unitId", seatUnit.toString()).put("body", body)
                        .put("post", "MEMBER").put("termStart", "2025-10-01").putNull("termEnd");
            }
            out.put("status " + status + " with a seat on every body", data);
        }
        ObjectNode least = EventJson.mapper().createObjectNode().put("id", UUID.randomUUID().toString())
                .put("cardNumber", "9".repeat(32)).put("fullName", "Ễ".repeat(200)).put("unitId", unit.toString())
                .put("status", statuses.get(0)).put("retired", true).put("version", 0).put("changedAt", "2026-01-02T03:04:05Z")
                .putNull("statusSince").putNull("statePosition").putNull("managingUnitId");
        least.putArray("committeePosts").addObject().put("unitId", seatUnit.toString()).put("body", bodies.get(0)).put("post", "Ư".repeat(64));
        out.put("only what is required, at its bounds, optional fields null", least);
        return out;
    }

    /** Named samples the schema forbids by its types, enums, bounds and required fields. */
    public static Map<String, ObjectNode> forbidden(UUID unit) {
        Map<String, Consumer<ObjectNode>> breaks = new LinkedHashMap<>();
        for (String field : strings(SCHEMA.get("required"))) {
            breaks.put("without " + field, d -> d.remove(field));
        }
        breaks.put("retired null", d -> d.putNull("retired"));
        breaks.put("unknown status", d -> d.put("status", "ACTIVE"));
        breaks.put("empty card number", d -> d.put("cardNumber", ""));
        breaks.put("card number too long", d -> d.put("cardNumber", "9".repeat(33)));
        breaks.put("card number not a string", d -> d.put("cardNumber", 52012345));
        breaks.put("name too long", d -> d.put("fullName", "Ễ".repeat(201)));
        breaks.put("state post too long", d -> d.put("statePosition", "x".repeat(301)));
        breaks.put("negative version", d -> d.put("version", -1));
        breaks.put("version as a string", d -> d.put("version", "7"));
        breaks.put("retired as a string", d -> d.put("retired", "yes"));
        breaks.put("unknown body", d -> seat(d).put("body", "BCH"));
        breaks.put("seat without post", d -> seat(d).remove("post"));
        breaks.put("seat without unit", d -> seat(d).remove("unitId"));
        breaks.put("empty post", d -> seat(d).put("post", ""));
        breaks.put("seat not an object", d -> ((ArrayNode) d.get("committeePosts")).set(0, "UBKT"));
        return apply(unit, breaks);
    }

    /**
     * Named samples that break the schema's {@code format}s: an annotation to draft 2020-12 validators,
     * RecordContract's too, so only the consumer can refuse them.
     */
    public static Map<String, ObjectNode> badFormats(UUID unit) {
        Map<String, Consumer<ObjectNode>> breaks = new LinkedHashMap<>();
        breaks.put("unit not a uuid", d -> d.put("unitId", "chi-bo-1"));
        breaks.put("no such date", d -> d.put("statusSince", "2026-13-45"));
        breaks.put("change time not a time", d -> d.put("changedAt", "hôm qua"));
        return apply(unit, breaks);
    }

    public static UUID idOf(ObjectNode data) {
        return data.hasNonNull("id") ? UUID.fromString(data.get("id").asText()) : null;
    }

    private static Map<String, ObjectNode> apply(UUID unit, Map<String, Consumer<ObjectNode>> breaks) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        breaks.forEach((name, change) -> {
            ObjectNode data = base(unit, "Vi phạm hợp đồng");
            data.withArray("committeePosts").addObject().put("unitId", unit.toString()).put("body", "CELL_COMMITTEE").put("post", "MEMBER");
            change.accept(data);
            out.put(name, data);
        });
        return out;
    }

    private static ObjectNode base(UUID unit, String name) {
        return EventJson.mapper().valueToTree(DirectoryEvents.member(UUID.randomUUID(), unit, name, 1));
    }

    private static ObjectNode seat(ObjectNode data) {
        return (ObjectNode) data.get("committeePosts").get(0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        if (out.isEmpty()) {
            throw new IllegalStateException("the schema lists none at " + array);
        }
        return out;
    }

    private static JsonNode read() {
        try (InputStream in = MemberSamples.class.getClassLoader().getResourceAsStream("schemas/member.upserted.v1.json")) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
