package dev.frameloop.collector.sched;

import dev.frameloop.core.event.MigrationReason;
import dev.frameloop.core.event.ThreadClass;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * gamer's counters ({@code struct gamer_stats}) summed over CPUs.
 *
 * @param directDispatches tasks select_cpu put straight onto an idle CPU (or a sync waker's)
 * @param sharedEnqueues   tasks enqueue put on the shared deadline-ordered queue
 * @param idleKicks        idle CPUs woken to take from the shared queue
 * @param dispatches       tasks dispatch moved from the shared queue onto a CPU
 * @param preemptKicks     CPUs told to preempt their task for a boosted one
 * @param stalledEnqueues  enqueues of the test-stall thread left out on purpose
 * @param policyLookups    boost_policy lookups
 * @param policyApplied    boost_policy writes used for the first time (one policy-applied event each)
 * @param policyExpired    boost_policy entries found expired and ignored
 * @param idleWholeCore    idle CPUs select_cpu picked on a core whose SMT siblings were all idle (every
 *                         pick, without SMT)
 * @param idleBusySibling  idle CPUs select_cpu picked beside a busy SMT sibling (no fully idle core left)
 * @param classChanges     thread class changes, by new class
 * @param deadlineMisses   deadline misses reported, by class
 * @param migrations       CPU changes, by reason
 */
public record GamerStats(long directDispatches, long sharedEnqueues, long idleKicks, long dispatches,
                         long preemptKicks, long stalledEnqueues, long policyLookups, long policyApplied,
                         long policyExpired, long idleWholeCore, long idleBusySibling,
                         Map<ThreadClass, Long> classChanges, Map<ThreadClass, Long> deadlineMisses,
                         Map<MigrationReason, Long> migrations) {

    public GamerStats {
        classChanges = Map.copyOf(classChanges);
        deadlineMisses = Map.copyOf(deadlineMisses);
        migrations = Map.copyOf(migrations);
    }

    /** "1234 tasks directly onto idle CPUs, 5678 through the shared queue (5600 dispatched from it, 99 idle CPUs kicked)". */
    public String describe() {
        return directDispatches + " tasks directly onto idle CPUs, " + sharedEnqueues + " through the shared queue ("
                + dispatches + " dispatched from it, " + idleKicks + " idle CPUs kicked)";
    }

    /** "input 0, render 1, audio 0, compositor 2, game 0, background 3": class changes by new class. */
    public String describeClassChanges() {
        return byClass(classChanges);
    }

    /** Deadline misses by class, in the same form. */
    public String describeDeadlineMisses() {
        return byClass(deadlineMisses);
    }

    /** "idle_pick 5, wakeup_affinity 0, load_balance 7, cpumask_change 0, unknown 0". */
    public String describeMigrations() {
        return Stream.of(MigrationReason.IDLE_PICK, MigrationReason.WAKEUP_AFFINITY, MigrationReason.LOAD_BALANCE,
                        MigrationReason.CPUMASK_CHANGE, MigrationReason.UNKNOWN)
                .map(r -> r.name().toLowerCase() + " " + migrations.getOrDefault(r, 0L))
                .collect(Collectors.joining(", "));
    }

    public long totalDeadlineMisses() {
        return deadlineMisses.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String byClass(Map<ThreadClass, Long> counts) {
        return Stream.of(ThreadClass.values()).filter(c -> c != ThreadClass.UNKNOWN)
                .map(c -> c.name().toLowerCase() + " " + counts.getOrDefault(c, 0L))
                .collect(Collectors.joining(", "));
    }
}
