package vn.ktgs.kit.orgcopy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.OrgUnitUpserted;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;
import vn.ktgs.kit.inbox.InvalidEventException;

/**
 * Keeps this service's copy of the org directory ({@link OrgUnitCopy}) for scope checks.
 * Only a newer {@code version} overwrites, so replays and late duplicates change nothing.
 * Enabled in the services that do not own the directory ({@code ktgs.kit.org-copy.enabled=true}).
 */
@ApplicationScoped
@IfBuildProperty(name = "ktgs.kit.org-copy.enabled", stringValue = "true")
public class OrgUnitCopyHandler implements EventHandler {

    @Override
    public String topic() {
        return Topics.ORG_UNITS;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!EventTypes.ORG_UNIT_UPSERTED.equals(event.type())) {
            return;
        }
        OrgUnitUpserted u;
        try {
            u = EventJson.mapper().treeToValue(event.data(), OrgUnitUpserted.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("org unit event data does not match the contract", e);
        }
        if (u == null || u.id() == null || u.ancestorIds() == null || u.code() == null || u.name() == null || u.level() == null) {
            throw new InvalidEventException("org unit event lacks id, ancestorIds, code, name or level");
        }
        OrgUnitCopy copy = OrgUnitCopy.findById(u.id(), LockModeType.PESSIMISTIC_WRITE);
        if (copy == null) {
            copy = new OrgUnitCopy();
            copy.id = u.id();
        } else if (copy.version >= u.version()) {
            return;
        }
        copy.parentId = u.parentId();
        copy.path = OrgUnitCopy.pathOf(u.ancestorIds(), u.id());
        copy.code = u.code();
        copy.name = u.name();
        copy.level = u.level();
        copy.hasUbkt = u.hasUbkt();
        copy.hasBtv = u.hasBtv();
        copy.authorisedToAdmit = u.authorisedToAdmit();
        copy.active = u.active();
        copy.version = u.version();
        copy.changedAt = u.changedAt() == null ? event.time() : u.changedAt();
        copy.persist();
    }
}
