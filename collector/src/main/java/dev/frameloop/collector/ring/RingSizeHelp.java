package dev.frameloop.collector.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;

/**
 * Help texts of {@link RingSizeOptions}, computed from {@link RingSizes} so that the defaults
 * and their memory cost are written in one place only. Picocli reads it as the mixin's resource
 * bundle.
 */
public final class RingSizeHelp extends ListResourceBundle {
    private static final Map<RingStream, String> WHAT = Map.of(
            RingStream.INPUT, "Input events: a ring set, the shard chosen by CPU.",
            RingStream.PROCESS, "Game/process detection (exec and exit).",
            RingStream.FRAME_TIMING, "Frame timing (one record per presented frame).",
            RingStream.GPU_SUBMIT, "GPU submits.",
            RingStream.MIGRATION, "Task migrations: a ring set, the shard chosen by CPU.",
            RingStream.THREAD_CLASS, "Thread classification changes.",
            RingStream.DEADLINE_MISS, "Frame deadline misses.",
            RingStream.TASK_STATS, "Periodic per-thread task stats.",
            RingStream.POLICY_APPLIED, "Policy entries the scheduler applied.");

    @Override
    protected Object[][] getContents() {
        List<Object[]> entries = new ArrayList<>();
        for (RingStream stream : RingStream.values()) {
            String what = WHAT.get(stream);
            if (what == null) {
                continue;
            }
            RingSize size = RingSizes.defaultOf(stream);
            String form = size.set() ? "SHARDSxBYTES per shard" : "BYTES";
            entries.add(new Object[] {stream.streamName(), what + " Ring size as " + form + " (units B, KiB, MiB; "
                    + "powers of two from 4KiB). Default: " + RingSizes.describe(RingSizeOptions.optionName(stream), size)
                    + "."});
        }
        return entries.toArray(new Object[0][]);
    }
}
