package vn.ktgs.kit.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total so a client can page through it. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {
    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, totalItems);
    }
}
