package dev.frameloop.collector.sched;

import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.MigrationReason;
import dev.frameloop.core.event.ThreadClass;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report lines sched prints (and VM tests parse). */
class GamerStatsTest {
    private static final GamerStats STATS = new GamerStats(10, 20, 3, 19, 4, 0, 50, 1, 1, 8, 2,
            Map.of(ThreadClass.COMPOSITOR, 1L, ThreadClass.BACKGROUND, 2L),
            Map.of(ThreadClass.GAME, 7L, ThreadClass.RENDER, 2L),
            Map.of(MigrationReason.LOAD_BALANCE, 5L, MigrationReason.IDLE_PICK, 6L));

    @Test
    void shouldListEveryClassButUnknownInWireOrder() {
        assertEquals("input 0, render 0, audio 0, compositor 1, game 0, background 2", STATS.describeClassChanges());
        assertEquals("input 0, render 2, audio 0, compositor 0, game 7, background 0", STATS.describeDeadlineMisses());
        assertEquals(9, STATS.totalDeadlineMisses());
    }

    @Test
    void shouldListEveryMigrationReasonWithUnknownLast() {
        assertEquals("idle_pick 6, wakeup_affinity 0, load_balance 5, cpumask_change 0, unknown 0", STATS.describeMigrations());
    }

    @Test
    void shouldKeepTheSchedulingSentenceTheFirstSchedulerPrinted() {
        assertEquals("10 tasks directly onto idle CPUs, 20 through the shared queue (19 dispatched from it, 3 idle CPUs kicked)",
                STATS.describe());
    }

    @Test
    void shouldNameStreamsAsTheirRings() {
        assertEquals("thread_class 3/0, migration 0/12",
                StreamCount.describe(List.of(new StreamCount(EventType.THREAD_CLASS, 3, 0),
                        new StreamCount(EventType.MIGRATION, 0, 12))));
    }
}
