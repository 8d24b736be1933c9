package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.Rodata;

import dev.frameloop.core.event.ThreadClass;

import java.time.Duration;
import java.util.List;

/**
 * The scheduler's settings written into its {@code .rodata} before load (names as in gamer.bpf.c).
 *
 * @param deadlineMissThreshold how late past its deadline a task must start to be reported
 * @param statsWindow           length of a task-stats window
 * @param testStallTid          test only: the thread the scheduler never dispatches (0: none)
 * @param gameComms             thread names (comm) that mark a game's threads, added to the comm patterns
 */
public record GamerTunables(Duration deadlineMissThreshold, Duration statsWindow, int testStallTid, List<String> gameComms) {
    /** TASK_COMM_LEN: a comm and a pattern are at most 15 bytes and a NUL. */
    public static final int COMM_LEN = 16;

    public static final Duration DEFAULT_DEADLINE_MISS_THRESHOLD = Duration.ofMillis(1);
    public static final Duration DEFAULT_STATS_WINDOW = Duration.ofMillis(100);

    public GamerTunables {
        gameComms = List.copyOf(gameComms);
        for (String comm : gameComms) {
            if (comm.isEmpty() || comm.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= COMM_LEN) {
                throw new IllegalArgumentException("a game comm must be 1.." + (COMM_LEN - 1) + " bytes (a thread name), was '"
                        + comm + "'");
            }
        }
        if (deadlineMissThreshold.isNegative()) {
            throw new IllegalArgumentException("the deadline-miss threshold must be >= 0");
        }
        if (statsWindow.isNegative() || statsWindow.isZero()) {
            throw new IllegalArgumentException("the stats window must be positive");
        }
        if (testStallTid < 0) {
            throw new IllegalArgumentException("the test-stall tid must be > 0 (or 0: none)");
        }
    }

    /** Writes the settings into the opened, not yet loaded object. */
    public void applyTo(BpfObject gamer) {
        Rodata rodata = Rodata.of(gamer);
        rodata.setU64("deadline_miss_threshold_ns", deadlineMissThreshold.toNanos());
        rodata.setU64("stats_window_ns", statsWindow.toNanos());
        rodata.setU32("test_stall_tid", testStallTid);
        int slot = 0;
        int slots = rodata.count("comm_patterns", COMM_LEN);
        for (String comm : gameComms) {
            while (slot < slots && !rodata.getString("comm_patterns", slot, COMM_LEN).isEmpty()) {
                slot++;
            }
            if (slot == slots) {
                throw new IllegalArgumentException("no room for game comm '" + comm + "': gamer has " + slots
                        + " comm patterns and they are all taken");
            }
            rodata.setString("comm_patterns", slot, COMM_LEN, comm);
            rodata.setU8("comm_pattern_class", slot, ThreadClass.GAME.code());
        }
    }
}
