package vn.ktgs.planning;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** One-value queries for assertions on what a request wrote. */
public final class Sql {
    private Sql() {
    }

    public static long count(DataSource db, String sql) {
        String v = string(db, sql);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** Test set-up that the API does not offer (e.g. a level only tests need). */
    public static void execute(DataSource db, String sql) {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(DataSource db, String sql) {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery(sql);
            if (!rs.next()) {
                throw new AssertionError("no row for: " + sql);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
