package dev.frameloop.ml.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link FramePresents} in the guest on the pinned kernel: Xvfb, Mesa and vkcube from the host root over 9p. */
@Tag("vm")
class FramePresentsVmIT extends FramePresents {
    private static String out;

    @BeforeAll
    static void probe() throws Exception {
        GuestRun.Result run = GuestRun.vm("sh", "-c", script())
                .options("--timeout", "10m")
                .hostTimeout(Duration.ofMinutes(12))
                .run();
        assertEquals(0, run.exitCode(), run.describe());
        out = run.stdout();
        assertProbeRan(out);
    }

    @Override
    String output() {
        return out;
    }
}
