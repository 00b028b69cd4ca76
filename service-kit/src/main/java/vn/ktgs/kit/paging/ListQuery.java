package vn.ktgs.kit.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import vn.ktgs.kit.orgcopy.OrgSubtree;
import vn.ktgs.kit.orgcopy.OrgUnitCopy;
import vn.ktgs.kit.text.VietnameseText;

import java.util.List;

/**
 * The JPQL condition of a list: records of one org unit, or of its whole subtree, and the filters the caller gave; a
 * filter whose value is null adds nothing. Bind {@link #where()} with {@link #parameters()}.
 */
public final class ListQuery {
    private final StringBuilder where = new StringBuilder();
    private final Parameters parameters;

    private ListQuery(String condition, Parameters parameters) {
        this.where.append(condition);
        this.parameters = parameters;
    }

    /** Records whose {@code unitColumn} is {@code scope} or, with {@code subtree}, any unit below it. */
    public static ListQuery within(OrgUnitCopy scope, boolean subtree, String unitColumn) {
        return subtree ? new ListQuery(OrgSubtree.condition(unitColumn, "OrgUnitCopy"), scope.subtree().parameters())
                : new ListQuery(unitColumn + " = :scopeUnit", Parameters.with("scopeUnit", scope.id));
    }

    /** {@code condition} (naming {@code :name}) when {@code value} is given. */
    public ListQuery and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.and(name, value);
        }
        return this;
    }

    public ListQuery equal(String column, Object value) {
        return and(column + " = :" + column, column, value);
    }

    /** {@code column} within the year, when a year is given. */
    public ListQuery inYear(String column, Integer year) {
        if (year != null) {
            and(column + " >= :yearFrom and " + column + " <= :yearTo", "yearFrom", java.time.LocalDate.of(year, 1, 1));
            parameters.and("yearTo", java.time.LocalDate.of(year, 12, 31));
        }
        return this;
    }

    /** The folded {@code column} contains the words of {@code q}, diacritics ignored ("ha noi" finds "Hà Nội"). */
    public ListQuery contains(String foldedColumn, String q) {
        return q == null || q.isBlank() ? this : and(foldedColumn + " like :q escape '\\'", "q", VietnameseText.containsPattern(q));
    }

    public String where() {
        return where.toString();
    }

    public Parameters parameters() {
        return parameters;
    }

    /** One page of {@code query} and the count of all its rows. */
    public static <T> Page<T> page(PanacheQuery<T> query, PageParams paging) {
        List<T> items = query.page(io.quarkus.panache.common.Page.of(paging.page, paging.size)).list();
        return new Page<>(items, paging.page, paging.size, query.count());
    }
}
