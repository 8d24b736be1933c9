package dev.frameloop.core.dataset.bench;

/**
 * The benchmark's rows: row {@code i} as the writer sees it (typically a flyweight positioned
 * over a pre-generated buffer of wire records; must not allocate).
 *
 * @param <T> what a row is read from
 */
@FunctionalInterface
public interface RowSource<T> {

    /** Row {@code index}. The returned object may be reused by the next call. */
    T row(long index);
}
