package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.DatasetTable;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.TableWriter;
import dev.frameloop.core.event.EventFlyweight;
import dev.frameloop.core.event.EventHeaderFlyweight;
import dev.frameloop.core.event.EventHeaderLayout;
import dev.frameloop.core.event.EventType;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Stores wire records, as ring buffers hand them over, into a session: reads the common header
 * in place, picks the event type's flyweight and table, and writes the row straight from the
 * buffer (no allocation per record). A record this build cannot read (unknown type, another
 * layout version, a size that does not match) is not written and is counted, by reason, in the
 * manifest's {@code rejected_events}. Single-threaded, like the session writer.
 */
public final class EventRecorder {
    private final SessionWriter session;
    private final EventHeaderFlyweight header = new EventHeaderFlyweight();
    private final Appender<?>[] byCode;
    private long unknownType;
    private final long[] badLayout;

    /** Records every event type into {@code session}. */
    public EventRecorder(SessionWriter session) {
        this(session, EnumSet.allOf(EventType.class));
    }

    /**
     * Records the given event types into {@code session}; records of other (known) types are
     * counted as rejected ({@code not_recorded:<type>}).
     */
    public EventRecorder(SessionWriter session, Set<EventType> types) {
        this.session = Objects.requireNonNull(session, "session");
        int maxCode = 0;
        for (EventType type : EventType.values()) {
            maxCode = Math.max(maxCode, type.code());
        }
        byCode = new Appender<?>[maxCode + 1];
        badLayout = new long[maxCode + 1];
        for (EventType type : types) {
            byCode[type.code()] = appender(EventTables.binding(type));
        }
    }

    private <F extends EventFlyweight> Appender<F> appender(EventBinding<F> binding) {
        DatasetTable<F> table = binding.newTable();
        return new Appender<>(binding.type(), binding.flyweights().get(), session.table(table));
    }

    /**
     * Stores the record at {@code offset} of {@code buffer}, {@code length} bytes long.
     *
     * @return true if it was stored, false if it was rejected or lost (the session stopped)
     */
    public boolean append(ByteBuffer buffer, int offset, int length) {
        if (length < EventHeaderLayout.SIZE) {
            unknownType++;
            return false;
        }
        header.wrap(buffer, offset);
        int code = header.type();
        if (code < 0 || code >= byCode.length || !EventType.isKnownCode(code)) {
            unknownType++;
            return false;
        }
        Appender<?> appender = byCode[code];
        if (appender == null) {
            badLayout[code]++;
            return false;
        }
        if (header.version() != appender.type.version() || header.size() != appender.type.size()
                || length < appender.type.size()) {
            badLayout[code]++;
            return false;
        }
        return appender.append(buffer, offset);
    }

    /** Records not stored because their type code is unknown (or shorter than a header). */
    public long unknownTypeCount() {
        return unknownType;
    }

    /** Records of {@code type} not stored because of their layout version or size, or because the type is not recorded. */
    public long rejectedCount(EventType type) {
        return badLayout[type.code()];
    }

    /** Copies the rejection counters into the session's manifest (call before {@code tick}/{@code finish}). */
    public void publishCounts() {
        if (unknownType > 0) {
            session.setRejected("unknown_type", unknownType);
        }
        for (EventType type : EventType.values()) {
            long count = badLayout[type.code()];
            if (count > 0) {
                String reason = byCode[type.code()] == null ? "not_recorded:" : "layout_mismatch:";
                session.setRejected(reason + EventTables.tableName(type), count);
            }
        }
    }

    /** One event type: its flyweight and table. */
    private static final class Appender<F extends EventFlyweight> {
        final EventType type;
        final F flyweight;
        final TableWriter<F> table;

        Appender(EventType type, F flyweight, TableWriter<F> table) {
            this.type = type;
            this.flyweight = flyweight;
            this.table = table;
        }

        boolean append(ByteBuffer buffer, int offset) {
            flyweight.wrap(buffer, offset);
            return table.write(flyweight);
        }
    }
}
