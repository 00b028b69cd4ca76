package vn.ktgs.kit.orgcopy;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.events.CloudEvent;
import vn.ktgs.events.EventJson;
import vn.ktgs.events.EventTypes;
import vn.ktgs.events.OrgUnitUpserted;
import vn.ktgs.events.Topics;
import vn.ktgs.kit.inbox.EventHandler;

import java.sql.Connection;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps this service's copy of the org directory ({@code kit_org_unit_copy}) for scope checks.
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
    public void handle(CloudEvent event, Connection tx) throws Exception {
        if (!EventTypes.ORG_UNIT_UPSERTED.equals(event.type())) {
            return;
        }
        OrgUnitUpserted u = EventJson.mapper().treeToValue(event.data(), OrgUnitUpserted.class);
        if (u.id() == null || u.ancestorIds() == null || u.code() == null || u.name() == null || u.level() == null) {
            throw new IllegalArgumentException("org unit event lacks id, ancestorIds, code, name or level");
        }
        String path = u.ancestorIds().stream().map(UUID::toString).collect(Collectors.joining("/", "/", "/"))
                .replace("//", "/") + u.id() + "/";
        try (var ps = tx.prepareStatement("""
                INSERT INTO kit_org_unit_copy (id, parent_id, path, code, name, level, has_ubkt, has_btv,
                    authorised_to_admit, active, version, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, path = EXCLUDED.path,
                    code = EXCLUDED.code, name = EXCLUDED.name, level = EXCLUDED.level,
                    has_ubkt = EXCLUDED.has_ubkt, has_btv = EXCLUDED.has_btv,
                    authorised_to_admit = EXCLUDED.authorised_to_admit, active = EXCLUDED.active,
                    version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
                WHERE kit_org_unit_copy.version < EXCLUDED.version""")) {
            ps.setObject(1, u.id());
            ps.setObject(2, u.parentId());
            ps.setString(3, path);
            ps.setString(4, u.code());
            ps.setString(5, u.name());
            ps.setString(6, u.level());
            ps.setBoolean(7, u.hasUbkt());
            ps.setBoolean(8, u.hasBtv());
            ps.setBoolean(9, u.authorisedToAdmit());
            ps.setBoolean(10, u.active());
            ps.setLong(11, u.version());
            ps.setTimestamp(12, Timestamp.from(u.changedAt() == null ? event.time() : u.changedAt()));
            ps.executeUpdate();
        }
    }
}
