package vn.ktgs.kit.membercopy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.MemberUpserted;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;

import java.util.List;
import java.util.Set;

/**
 * Keeps this service's copy of the member directory ({@link MemberCopy}). Only a newer {@code version}
 * overwrites, so replays and late duplicates change nothing. A member whose unit is not in the org copy
 * yet is kept all the same: the two topics are not ordered with each other.
 * Enabled in the services that do not own the directory ({@code ktgs.kit.member-copy.enabled=true}).
 */
@ApplicationScoped
@IfBuildProperty(name = "ktgs.kit.member-copy.enabled", stringValue = "true")
public class MemberCopyHandler implements EventHandler {
    // the enums and required fields of schemas/member.upserted.v1.json; MemberCopyHandlerTest holds them to it
    private static final Set<String> STATUSES = Set.of("PROBATIONARY", "OFFICIAL", "SUSPENDED", "EXPELLED", "STRUCK_OFF", "DECEASED", "MISSING");
    private static final Set<String> BODIES = Set.of("COMMITTEE", "STANDING_COMMITTEE", "UBKT", "CELL_COMMITTEE");
    private static final List<String> REQUIRED = List.of("id", "cardNumber", "fullName", "unitId", "status", "committeePosts",
            "retired", "version", "changedAt");

    @Override
    public String topic() {
        return Topics.MEMBERS;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!EventTypes.MEMBER_UPSERTED.equals(event.type())) {
            return;
        }
        MemberUpserted m = read(event.data());
        MemberCopy copy = MemberCopy.findById(m.id(), LockModeType.PESSIMISTIC_WRITE);
        if (copy == null) {
            copy = new MemberCopy();
            copy.id = m.id();
        } else if (copy.version >= m.version()) {
            return;
        }
        copy.cardNumber = m.cardNumber();
        copy.fullName = m.fullName();
        copy.unitId = m.unitId();
        copy.status = m.status();
        copy.statusSince = m.statusSince();
        copy.committeePosts.clear();
        for (MemberUpserted.CommitteePost p : m.committeePosts()) {
            MemberCopy.Seat s = new MemberCopy.Seat();
            s.unitId = p.unitId();
            s.body = p.body();
            s.post = p.post();
            s.termStart = p.termStart();
            s.termEnd = p.termEnd();
            copy.committeePosts.add(s);
        }
        copy.statePosition = m.statePosition();
        copy.managingUnitId = m.managingUnitId();
        copy.retired = m.retired();
        copy.version = m.version();
        copy.changedAt = m.changedAt();
        copy.persist();
    }

    /**
     * The event's data if the schema allows it. Checked on the JSON too, because the mapping alone would
     * turn a missing {@code retired} or {@code version} into false or 0.
     */
    static MemberUpserted read(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("member event has no data object");
        }
        for (String field : REQUIRED) {
            if (!data.hasNonNull(field)) {
                throw new InvalidEventException("member event lacks " + field);
            }
        }
        if (!data.get("retired").isBoolean() || !data.get("version").isIntegralNumber() || !data.get("committeePosts").isArray()
                || !text(data, "cardNumber", "fullName", "status")) {
            throw new InvalidEventException("member event's retired, version, committeePosts, cardNumber, fullName or status has the wrong type");
        }
        for (JsonNode post : data.get("committeePosts")) {
            require(post.isObject() && text(post, "body", "post"), "a committee post is no object with a body and a post");
        }
        MemberUpserted m;
        try {
            m = EventJson.mapper().treeToValue(data, MemberUpserted.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("member event data does not match the contract", e);
        }
        require(length(m.cardNumber(), 1, 32), "cardNumber must have 1 to 32 characters");
        require(length(m.fullName(), 1, 200), "fullName must have 1 to 200 characters");
        require(STATUSES.contains(m.status()), "unknown status " + m.status());
        require(m.statePosition() == null || length(m.statePosition(), 0, 300), "statePosition must have at most 300 characters");
        require(m.version() >= 0, "version must not be negative");
        for (MemberUpserted.CommitteePost p : m.committeePosts()) {
            require(p.unitId() != null, "a committee post lacks unitId");
            require(BODIES.contains(p.body()), "unknown body " + p.body());
            require(length(p.post(), 1, 64), "a committee post's post must have 1 to 64 characters");
        }
        return m;
    }

    /** Jackson would also take a number or a boolean for a String. */
    private static boolean text(JsonNode node, String... fields) {
        for (String f : fields) {
            if (!node.path(f).isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** JSON Schema counts characters (code points), not UTF-16 units. */
    private static boolean length(String s, int min, int max) {
        int n = s.codePointCount(0, s.length());
        return n >= min && n <= max;
    }

    private static void require(boolean holds, String otherwise) {
        if (!holds) {
            throw new InvalidEventException("member event breaks the contract: " + otherwise);
        }
    }
}
