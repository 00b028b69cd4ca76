package vn.ktgs.kit.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ktgs.kit.config.KitConfig;
import vn.ktgs.kit.problem.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Object-level scope (ARCHITECTURE §6): a record owned by org unit U is visible to callers whose org
 * unit is U or one of its ancestors. Units carry a materialised {@code path} ("/root/.../U/"), so the
 * test is a prefix match on an index. Out of scope looks exactly like unknown: 404.
 */
@ApplicationScoped
public class OrgScope {
    private final AgroalDataSource dataSource;
    private final String table;

    OrgScope(AgroalDataSource dataSource, KitConfig config) {
        this.dataSource = dataSource;
        this.table = config.scope().orgTable();
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("ktgs.kit.scope.org-table must be a plain table name: " + table);
        }
    }

    /** True if {@code unit} is {@code ancestor} or lies below it. */
    public boolean contains(UUID ancestor, UUID unit) {
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT 1 FROM " + table + " u JOIN " + table + " a ON a.id = ?"
                     + " WHERE u.id = ? AND left(u.path, length(a.path)) = a.path")) {
            ps.setObject(1, ancestor);
            ps.setObject(2, unit);
            return ps.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException("org scope check failed", e);
        }
    }

    /** 404 unless the caller's org unit contains {@code unit}. */
    public void requireVisible(Caller caller, UUID unit, String what) {
        if (unit == null || !contains(caller.org(), unit)) {
            throw ProblemException.notFound(what);
        }
    }
}
