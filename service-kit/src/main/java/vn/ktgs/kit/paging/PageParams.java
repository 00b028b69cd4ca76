package vn.ktgs.kit.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The one paging convention of every list: {@code ?page=0&size=20}, pages counted from 0, at most 200 a
 * page and at most {@value #MAX_PAGE} pages deep (so the offset always fits).
 */
public class PageParams {
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    public int size;

    public static PageParams of(int page, int size) {
        PageParams p = new PageParams();
        p.page = page;
        p.size = size;
        return p;
    }

    public int offset() {
        return page * size;
    }
}
