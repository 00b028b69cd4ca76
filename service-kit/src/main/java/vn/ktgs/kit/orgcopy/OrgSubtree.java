package vn.ktgs.kit.orgcopy;

import io.quarkus.panache.common.Parameters;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An org unit and everything below it, as a range over the materialised path ("/root/.../U/"):
 * {@code path >= U.path and path < bound}. Paths are compared in the C collation, so one plain index
 * serves the range whatever the database's locale, even in a prepared statement's generic plan.
 */
public record OrgSubtree(String path) {

    /** The least path greater than every path in the subtree. */
    public String bound() {
        return path.substring(0, path.length() - 1) + (char) ('/' + 1);
    }

    public boolean contains(String otherPath) {
        return otherPath.startsWith(path);
    }

    /**
     * A JPQL condition for list queries: the unit id in {@code column} lies in this subtree of the org
     * entity {@code orgEntity} (e.g. {@code OrgUnitCopy}). Bind {@link #parameters()} with it.
     */
    public static String condition(String column, String orgEntity) {
        return column + " in (select s.id from " + orgEntity + " s where s.path >= :subtreePath and s.path < :subtreeBound)";
    }

    /** The ids in a path, root first, without the unit itself. */
    public static List<UUID> ancestorIdsOf(String path) {
        String[] ids = path.substring(1, path.length() - 1).split("/");
        return Arrays.stream(ids, 0, ids.length - 1).map(UUID::fromString).toList();
    }

    public Parameters parameters() {
        return Parameters.with("subtreePath", path).and("subtreeBound", bound());
    }
}
