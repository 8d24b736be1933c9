package dev.frameloop.collector.record;

import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code --events LIST}: the event types to store, by table name ({@code frame_timing}) or {@code all}. */
final class EventSelection {
    private EventSelection() {
    }

    /**
     * Parses a comma-separated list of table names ({@code -} may stand for {@code _}); empty or
     * {@code all} means every type.
     *
     * @throws IllegalArgumentException naming the unknown type and the known ones
     */
    static Set<EventType> parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(EventType.class);
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String given : names) {
            for (String part : given.split(",")) {
                String name = part.trim().toLowerCase(Locale.ROOT).replace('-', '_');
                if (name.isEmpty()) {
                    continue;
                }
                if (name.equals("all")) {
                    return EnumSet.allOf(EventType.class);
                }
                Optional<EventType> type = EventTables.typeOf(name);
                if (type.isEmpty()) {
                    throw new IllegalArgumentException("unknown event type '" + part.trim() + "' in --events; known: "
                            + known());
                }
                types.add(type.get());
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("--events names no event type; known: " + known());
        }
        return types;
    }

    static String known() {
        return EnumSet.allOf(EventType.class).stream().map(EventTables::tableName).collect(Collectors.joining(", "));
    }
}
