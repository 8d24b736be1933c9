package dev.frameloop.collector.sched;

import dev.frameloop.core.event.EventType;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one event stream of the scheduler produced: records written into its ring(s), and records that
 * found no room (or no ring) and were dropped.
 */
public record StreamCount(EventType type, long written, long dropped) {

    /** The stream's name as in its ring's name: "deadline_miss" for fl_rb_deadline_miss. */
    public String streamName() {
        return type.name().toLowerCase();
    }

    /** "thread_class 3/0, deadline_miss 12/0, ..." (written/dropped). */
    public static String describe(List<StreamCount> counts) {
        return counts.stream().map(c -> c.streamName() + " " + c.written() + "/" + c.dropped())
                .collect(Collectors.joining(", "));
    }
}
