package dev.frameloop.core.dataset.bench;

/**
 * What one candidate achieved: the median over the measured rounds.
 *
 * @param name              the candidate
 * @param rowsPerRound      rows written per round (one file per round, closed and synced)
 * @param rounds            measured rounds
 * @param rowsPerSecond     median rows per second (wall clock), file close and sync included
 * @param rowsPerCpuSecond  median rows per second of the writing thread's CPU time: steadier than
 *                          wall clock on a shared machine, but blind to I/O waits and GC threads
 * @param bytesPerRow       file bytes per row
 * @param allocatedPerRow   bytes allocated by the writing thread per row (mean over the rounds)
 */
public record WriterMeasurement(String name, long rowsPerRound, int rounds, double rowsPerSecond,
                                double rowsPerCpuSecond, double bytesPerRow, double allocatedPerRow) {
}
