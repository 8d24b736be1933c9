package dev.frameloop.core.dataset;

/**
 * Appends rows to one table of a {@link SessionWriter}.
 *
 * @param <T> what a row is read from
 */
public final class TableWriter<T> {
    private final SessionWriter session;
    private final RollingTableWriter<T> table;

    TableWriter(SessionWriter session, RollingTableWriter<T> table) {
        this.session = session;
        this.table = table;
    }

    /**
     * Appends one row. Never throws on an I/O error: the session stops (see
     * {@link SessionWriter}) and the row is counted as lost.
     *
     * @return true if the row was accepted, false if it was lost because the session stopped
     */
    public boolean write(T row) {
        return session.write(table, row);
    }

    /** The table's name. */
    public String name() {
        return table.table().name();
    }

    /** The table's row counts so far. */
    public TableCounts counts() {
        return table.counts();
    }
}
