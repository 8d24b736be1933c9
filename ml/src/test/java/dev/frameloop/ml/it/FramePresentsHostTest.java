package dev.frameloop.ml.it;

import dev.frameloop.core.testing.MachineRequirements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FramePresents} on this host's kernel (uprobes work here): every program's frames counted once. */
class FramePresentsHostTest {
    private static String out;

    @BeforeAll
    static void probe() throws Exception {
        MachineRequirements.require(new com.sun.security.auth.module.UnixSystem().getUid() == 0,
                "the frame probe test attaches uprobes: run it as root");
        for (String tool : List.of("/usr/bin/Xvfb", "/usr/bin/vkcube")) {
            MachineRequirements.require(Files.isExecutable(Path.of(tool)), tool + " is missing (xvfb, vulkan-tools,"
                    + " mesa-vulkan-drivers: run bin/setup)");
        }
        String script = FramePresents.script(Workloads.relative(Workloads.synthgame()), Workloads.relative(Workloads.presentX11()));
        List<String> command = new ArrayList<>(List.of("sh", "-c", script));
        Process p = new ProcessBuilder(command).directory(GuestRun.projectRoot().toFile()).redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the probe run did not end");
        out = new String(bytes, StandardCharsets.UTF_8);
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
