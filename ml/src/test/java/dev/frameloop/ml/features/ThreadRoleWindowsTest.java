package dev.frameloop.ml.features;

import dev.frameloop.core.event.DetectionMethod;
import dev.frameloop.core.event.FrameSource;
import dev.frameloop.core.event.FrameTimingEvent;
import dev.frameloop.core.event.TaskStatsEvent;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.event.ThreadClassEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThreadRoleWindowsTest {
    private static final long MS = 1_000_000L;
    private static final long BASE = 10_000 * MS;

    @Test
    void shouldComputeAWindowsFeaturesAsDocumented() {
        List<ThreadRoleRow> rows = new ArrayList<>();
        ThreadRoleWindows windows = new ThreadRoleWindows(rows::add);
        windows.accept(new ThreadClassEvent(0, BASE, 1, 2, ThreadClass.UNKNOWN, ThreadClass.RENDER,
                DetectionMethod.DRM_SUBMIT, 800, name("r")));
        // four 100 ms samples with run fractions 0.1, 0.2, 0.3, 0.4; presents 1, 2, 3, 4 in their intervals
        for (int s = 0; s < 4; s++) {
            long start = BASE + s * 100 * MS;
            for (int p = 0; p <= s; p++) {
                windows.accept(new FrameTimingEvent(0, start + (p + 1) * 10 * MS, 1, 2, 16 * MS, 0, 0, 1, 1,
                        FrameSource.EGL_SWAP_BUFFERS, false, false));
            }
            windows.accept(new TaskStatsEvent(0, start + 100 * MS, 1, 2, name("r"), start, 100 * MS,
                    (s + 1) * 10 * MS, 4 * 50_000L, 90_000L, 4, 3, 1, 0, 0, ThreadClass.RENDER));
        }
        windows.finish();

        assertEquals(1, rows.size());
        double[] f = rows.get(0).features();
        assertEquals(0.2, f[FeatureSet.indexOf(FeatureSet.THREAD_ROLE, "run_frac_p50")], 1e-12, "nearest-rank median");
        assertEquals(0.4, f[FeatureSet.indexOf(FeatureSet.THREAD_ROLE, "run_frac_p90")], 1e-12);
        assertEquals(Math.log1p(16 / 0.4), f[FeatureSet.indexOf(FeatureSet.THREAD_ROLE, "wakeups_per_s_log")], 1e-12);
        assertEquals(0.75, f[FeatureSet.indexOf(FeatureSet.THREAD_ROLE, "voluntary_ratio")], 1e-12);
        assertEquals(Math.log1p(50), f[FeatureSet.indexOf(FeatureSet.THREAD_ROLE, "wake_to_run_mean_us_log")], 1e-12);
        assertEquals(1.0, f[FeatureSet.indexOf(FeatureSet.THREAD_ROLE, "present_run_correlation")], 1e-12,
                "run fraction rises with the presents");
        assertEquals(1.0, f[FeatureSet.indexOf(FeatureSet.THREAD_ROLE, "present_share")], 1e-12);
        assertEquals(0.8, f[FeatureSet.indexOf(FeatureSet.THREAD_ROLE, "heuristic_confidence")], 1e-12);
        assertEquals(1.0, f[FeatureSet.indexOf(FeatureSet.THREAD_ROLE, "heuristic_render")]);
        assertEquals(ThreadClass.RENDER, rows.get(0).heuristic());
    }

    private static byte[] name(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
