package dev.frameloop.ml.experiment;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The frames frameloop recorded for the game's pid against the game's own ground truth: the same number of frames,
 * and every frame interval (present to present) within {@link #TOLERANCE_NS} of the game's. The recorded present is
 * the return of synthgame_present (uretprobe); synthgame reads its present time as that function's last act and the
 * clock again once the call has returned, so the probe's timestamp lies in that window. A frame whose window is wider
 * than the tolerance (the render thread preempted there, a long interrupt, in an emulator a paused virtual CPU) cannot
 * be held to it: the two intervals of that frame are excused and counted. Every other interval must be within the
 * tolerance (if one is not, the probe's timestamp was outside the game's window), and at least half of the intervals
 * must be checked.
 *
 * @param pid             the game's process id (its summary.json)
 * @param groundTruth     frames the game presented
 * @param captured        frame_timing rows of that pid in the recorded session
 * @param maxDeviationNs  the largest |recorded interval − ground-truth interval| over the unexcused intervals (-1 when
 *                        the counts differ)
 * @param overTolerance   unexcused intervals further apart than the tolerance (0 when the counts differ)
 * @param excused         intervals next to a frame whose window is wider than the tolerance (0 when the counts differ)
 * @param maxExcusedNs    the largest deviation among the excused intervals
 */
public record FrameCrossCheck(int pid, int groundTruth, int captured, long maxDeviationNs, int overTolerance, int excused,
                              long maxExcusedNs) {
    /** How far a recorded frame interval may be from the game's own. */
    public static final long TOLERANCE_NS = 50_000;

    /**
     * The check of one run: its ground truth against the frame_timing rows of the game's pid in the run's recording
     * ({@code datasetDir}, which holds that one session; only its frame table is read).
     *
     * @throws IOException when the recording is not one readable session
     */
    public static FrameCrossCheck of(GroundTruth truth, Path datasetDir) throws IOException {
        int pid = truth.summary().path("pid").asInt(-1);
        Dataset dataset = EventTables.openDataset(datasetDir.toString());
        List<SessionId> sessions = dataset.sessions();
        if (sessions.size() != 1) {
            throw new IOException(datasetDir + " holds " + sessions.size() + " sessions, not the run's one");
        }
        List<Long> at = new ArrayList<>();
        dataset.session(sessions.get(0)).forEach(EventTables.tableName(EventType.FRAME_TIMING), row -> {
            if (((Number) row.get("pid")).intValue() == pid) {
                at.add(((Number) row.get("timestamp_ns")).longValue());
            }
        });
        return compare(pid, truth.presentsNs(), truth.presentWindowsNs(), at.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * Compares two present sequences (CLOCK_MONOTONIC ns, in frame order).
     *
     * @param windows per ground-truth frame: from its present's clock read to the clock read after the call returned
     */
    static FrameCrossCheck compare(int pid, long[] truthPresents, long[] windows, long[] recordedPresents) {
        if (truthPresents.length != recordedPresents.length) {
            return new FrameCrossCheck(pid, truthPresents.length, recordedPresents.length, -1, 0, 0, 0);
        }
        long[] recorded = Arrays.copyOf(recordedPresents, recordedPresents.length);
        Arrays.sort(recorded);
        long max = 0;
        long maxExcused = 0;
        int over = 0;
        int excused = 0;
        for (int i = 1; i < recorded.length; i++) {
            long deviation = Math.abs((recorded[i] - recorded[i - 1]) - (truthPresents[i] - truthPresents[i - 1]));
            if (windows[i] > TOLERANCE_NS || windows[i - 1] > TOLERANCE_NS) {
                excused++;
                maxExcused = Math.max(maxExcused, deviation);
            } else {
                max = Math.max(max, deviation);
                if (deviation > TOLERANCE_NS) {
                    over++;
                }
            }
        }
        return new FrameCrossCheck(pid, truthPresents.length, recorded.length, max, over, excused, maxExcused);
    }

    private int intervals() {
        return Math.max(0, captured - 1);
    }

    /** Same count, every unexcused interval within the tolerance, and at least half of the intervals unexcused. */
    public boolean holds() {
        return groundTruth == captured && overTolerance == 0 && 2 * excused <= intervals();
    }

    /** "holds: pid 42: 180 frames recorded, 180 presented, max interval deviation 3.2 µs (≤ 50 µs)" or what failed. */
    public String describe() {
        String frames = "pid " + pid + ": " + captured + " frames recorded, " + groundTruth + " presented";
        if (groundTruth != captured) {
            return "FAILS: " + frames + " (the counts differ)";
        }
        String deviation = String.format(Locale.ROOT, "max interval deviation %.1f µs", maxDeviationNs / 1e3);
        String excusedPart = excused == 0 ? "" : String.format(Locale.ROOT,
                "; %d of %d intervals excused, the game's window around the probe wider than the bar (max %.1f µs)",
                excused, intervals(), maxExcusedNs / 1e3);
        if (holds()) {
            return "holds: " + frames + ", " + deviation + " (≤ " + TOLERANCE_NS / 1000 + " µs)" + excusedPart;
        }
        if (overTolerance > 0) {
            return "FAILS: " + frames + ", " + overTolerance + " intervals off by more than " + TOLERANCE_NS / 1000 + " µs, "
                    + deviation + excusedPart;
        }
        return "FAILS: " + frames + ", too few intervals to check" + excusedPart;
    }
}
