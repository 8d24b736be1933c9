package dev.frameloop.ml.experiment;

/**
 * One run of an experiment: which arm, which repeat, and its position in the interleaved order.
 *
 * @param index  0-based position in the order the runs happen
 * @param arm    the arm
 * @param repeat 0-based repeat; every arm's run of repeat k uses the same workload seed
 */
public record PlannedRun(int index, Arm arm, int repeat) {
    /** The run's folder name under {@code runs/}, e.g. {@code 03-gamer-r1}; sortable, file-system safe. */
    public String folderName() {
        return String.format("%02d-%s-r%d", index, arm.name().replace('+', '_'), repeat);
    }
}
