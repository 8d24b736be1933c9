package dev.frameloop.ml.it;

import dev.frameloop.core.testing.MachineRequirements;
import org.junit.jupiter.api.BeforeAll;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FramePresents} on this host's kernel (uprobes work here): every program's frames counted once. */
class FramePresentsHostTest extends FramePresents {
    private static String out;

    @BeforeAll
    static void probe() throws Exception {
        MachineRequirements.require(new com.sun.security.auth.module.UnixSystem().getUid() == 0,
                "the frame probe test attaches uprobes: run it as root");
        for (String tool : List.of("/usr/bin/Xvfb", "/usr/bin/vkcube")) {
            MachineRequirements.require(Files.isExecutable(Path.of(tool)), tool + " is missing (xvfb, vulkan-tools,"
                    + " mesa-vulkan-drivers: run bin/setup)");
        }
        Process p = new ProcessBuilder("sh", "-c", script()).directory(GuestRun.projectRoot().toFile())
                .redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the probe run did not end");
        out = new String(bytes, StandardCharsets.UTF_8);
        assertProbeRan(out);
    }

    @Override
    String output() {
        return out;
    }
}
