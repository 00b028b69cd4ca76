package vn.ktgs.planning.org;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * The demo tree of {@code ./suite up} ({@code ktgs.demo-data.enabled=true}): one province, a ward and a
 * commune under it, party cells under those. Created through {@link OrgDirectory} like any other unit,
 * so the other services receive it as events; units that exist already are left alone. The fixed ids
 * are the {@code org} claims of the demo users in deploy/local/demo-users.tsv.
 */
@ApplicationScoped
public class DemoTree {
    private static final Logger LOG = Logger.getLogger(DemoTree.class);
    static final UUID ROOT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    record Unit(String id, String parentId, String code, String name, String level, boolean committee) {
    }

    static final List<Unit> UNITS = List.of(
            new Unit("10000000-0000-4000-8000-000000000001", ROOT.toString(), "HT", "Đảng bộ tỉnh Hà Tĩnh", "PROVINCE", true),
            new Unit("10000000-0000-4000-8000-000000000011", "10000000-0000-4000-8000-000000000001", "HT-THANHSEN",
                    "Đảng bộ phường Thành Sen", "COMMUNE", true),
            new Unit("10000000-0000-4000-8000-000000000012", "10000000-0000-4000-8000-000000000001", "HT-THACHHA",
                    "Đảng bộ xã Thạch Hà", "COMMUNE", true),
            new Unit("10000000-0000-4000-8000-000000000111", "10000000-0000-4000-8000-000000000011", "HT-THANHSEN-TDP1",
                    "Chi bộ Tổ dân phố 1", "CELL", false),
            new Unit("10000000-0000-4000-8000-000000000112", "10000000-0000-4000-8000-000000000011", "HT-THANHSEN-TDP2",
                    "Chi bộ Tổ dân phố 2", "CELL", false),
            new Unit("10000000-0000-4000-8000-000000000121", "10000000-0000-4000-8000-000000000012", "HT-THACHHA-DONGTIEN",
                    "Chi bộ thôn Đông Tiến", "CELL", false));

    private final OrgDirectory directory;
    private final boolean enabled;

    DemoTree(OrgDirectory directory, @ConfigProperty(name = "ktgs.demo-data.enabled") boolean enabled) {
        this.directory = directory;
        this.enabled = enabled;
    }

    @Transactional
    void create(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        OrgUnit root = OrgUnit.findById(ROOT);
        int created = 0;
        for (Unit u : UNITS) {
            if (OrgUnit.findById(UUID.fromString(u.id())) == null) {
                directory.create(root, new OrgUnitRequests.Create(u.code(), u.name(), u.level(), UUID.fromString(u.parentId()),
                        u.committee(), u.committee(), u.committee()), UUID.fromString(u.id()));
                created++;
            }
        }
        LOG.infof("demo tree: %d units created, %d present already", created, UNITS.size() - created);
    }
}
