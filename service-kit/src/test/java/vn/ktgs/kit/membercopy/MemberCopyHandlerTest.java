package vn.ktgs.kit.membercopy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.MemberUpserted;
import vn.ktgs.events.RecordContract;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.InvalidEventException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The member copy takes exactly the data the schema allows, whatever the schema's validator says of it. */
class MemberCopyHandlerTest {
    private static final Map<String, String> STRUCTURED = Map.of(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.STRUCTURED_CONTENT_TYPE);
    private final UUID cell = UUID.randomUUID();
    private final UUID province = UUID.randomUUID();

    @Test
    void takesEverySampleTheSchemaAllows() {
        Map<String, ObjectNode> allowed = MemberSamples.allowed(cell, province);
        assertTrue(allowed.size() > 7, "one per status and the least one");
        allowed.forEach((name, data) -> {
            assertEquals(List.of(), RecordContract.violations(Topics.MEMBERS, STRUCTURED, data.get("id").asText(),
                    DirectoryEvents.wire(DirectoryEvents.memberEvent(MemberSamples.idOf(data), data))), name);
            MemberUpserted m = MemberCopyHandler.read(data);
            assertEquals(data.get("status").asText(), m.status(), name);
            assertEquals(data.get("committeePosts").size(), m.committeePosts().size(), name);
            assertEquals(data.get("fullName").asText(), m.fullName(), name);
        });
    }

    @Test
    void refusesEverySampleTheSchemaForbids() {
        Map<String, ObjectNode> forbidden = MemberSamples.forbidden(cell);
        assertTrue(forbidden.containsKey("without retired") && forbidden.containsKey("without committeePosts"), "every required field");
        forbidden.forEach((name, data) -> {
            UUID key = MemberSamples.idOf(data) == null ? UUID.randomUUID() : MemberSamples.idOf(data);
            assertFalse(RecordContract.violations(Topics.MEMBERS, STRUCTURED, key.toString(),
                    DirectoryEvents.wire(DirectoryEvents.memberEvent(key, data))).isEmpty(), name + " breaks the schema");
            assertThrows(InvalidEventException.class, () -> MemberCopyHandler.read(data), name);
        });
        MemberSamples.badFormats(cell).forEach((name, data) ->
                assertThrows(InvalidEventException.class, () -> MemberCopyHandler.read(data), name));
    }
}
