package dev.frameloop.collector.sched;

/**
 * gamer's counters summed over CPUs.
 *
 * @param directDispatches tasks select_cpu put straight onto an idle CPU
 * @param sharedEnqueues   tasks enqueue put on the shared vtime-ordered queue
 * @param idleKicks        idle CPUs woken to take from the shared queue
 * @param dispatches       tasks dispatch moved from the shared queue onto a CPU
 */
public record GamerStats(long directDispatches, long sharedEnqueues, long idleKicks, long dispatches) {

    /** "1234 tasks directly onto idle CPUs, 5678 through the shared queue (5600 dispatched from it, 99 idle CPUs kicked)". */
    public String describe() {
        return directDispatches + " tasks directly onto idle CPUs, " + sharedEnqueues + " through the shared queue ("
                + dispatches + " dispatched from it, " + idleKicks + " idle CPUs kicked)";
    }
}
