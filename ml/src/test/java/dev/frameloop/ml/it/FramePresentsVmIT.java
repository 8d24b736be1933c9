package dev.frameloop.ml.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link FramePresents} in the guest on the pinned kernel: Xvfb, Mesa and vkcube from the host root over 9p. */
@Tag("vm")
class FramePresentsVmIT {
    private static String out;

    @BeforeAll
    static void probe() throws Exception {
        String script = FramePresents.script(Workloads.relative(Workloads.synthgame()), Workloads.relative(Workloads.presentX11()));
        GuestRun.Result run = GuestRun.vm("sh", "-c", script)
                .options("--timeout", "10m")
                .hostTimeout(Duration.ofMinutes(12))
                .run();
        assertEquals(0, run.exitCode(), run.describe());
        out = run.stdout();
        FramePresents.assertProbeRan(out);
    }

    @Test
    void shouldCountEverySynthgameFrameOnceAtItsOwnPresent() {
        FramePresents.assertSynthgame(out);
    }

    @Test
    void shouldCountEveryGlxSwapOnceThroughGlvnd() {
        FramePresents.assertPresentX11(out, "glx", "glx_swap_buffers");
    }

    @Test
    void shouldCountEveryEglSwapOnce() {
        FramePresents.assertPresentX11(out, "egl", "egl_swap_buffers");
    }

    @Test
    void shouldCountExactlyTheFramesVkcubePresentedAtTheX11PutImage() {
        FramePresents.assertVkcube(out);
    }
}
