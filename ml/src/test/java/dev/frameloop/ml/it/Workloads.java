package dev.frameloop.ml.it;

import dev.frameloop.core.testing.MachineRequirements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The load generators of {@code workloads/} (C), compiled for the tests into {@code ml/target/workloads/} with
 * the host's {@code cc} when missing or older than their source. The guest runs them from the host root.
 */
final class Workloads {
    private Workloads() {
    }

    /** {@code workloads/frame_loop.c}: a 60 FPS-style frame loop that reports how late its wakeups were. */
    static Path frameLoop() throws IOException, InterruptedException {
        return build("frame_loop");
    }

    /**
     * {@code workloads/synthgame/}: the synthetic game (and {@code synthgame-inject} beside it), built by the ml
     * module's Maven build into {@code ml/target/workloads/}; its exported {@code synthgame_present} is the uprobe
     * target for frame timing.
     */
    static Path synthgame() {
        Path binary = GuestRun.projectRoot().resolve("ml/target/workloads/synthgame");
        if (!Files.isExecutable(binary) || !Files.isExecutable(binary.resolveSibling("synthgame-inject"))) {
            fail(binary + " or synthgame-inject is missing: the ml module's build makes them (mvn -B -pl ml -am package;"
                    + " needs cc, and libasound2-dev/libegl-dev for audio and EGL: sudo bin/setup)");
        }
        return binary;
    }

    /** {@code workloads/present_x11.c}: presents N frames into an X11 window through GLX or EGL (needs libgl-dev, libegl-dev, libx11-dev). */
    static Path presentX11() throws IOException, InterruptedException {
        return build("present_x11", "-lGL", "-lEGL", "-lX11");
    }

    /** {@code workloads/uinput_mouse.c}: a /dev/uinput mouse that moves N times at R Hz (2 input events per move). */
    static Path uinputMouse() throws IOException, InterruptedException {
        return build("uinput_mouse");
    }

    /** {@code workloads/vgem_submit.c}: K fence-attach ioctls (the probe's vgem submit) on /dev/dri/card0. */
    static Path vgemSubmit() throws IOException, InterruptedException {
        return build("vgem_submit");
    }

    /** The binary's path relative to the checkout (the guest's working directory in {@link GuestRun}). */
    static String relative(Path binary) {
        return GuestRun.projectRoot().relativize(binary).toString();
    }

    private static synchronized Path build(String name, String... libraries) throws IOException, InterruptedException {
        Path root = GuestRun.projectRoot();
        Path source = root.resolve("workloads").resolve(name + ".c");
        Path binary = root.resolve("ml/target/workloads").resolve(name);
        if (Files.isExecutable(binary) && Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) >= 0) {
            return binary;
        }
        Files.createDirectories(binary.getParent());
        Process cc;
        try {
            List<String> command = new ArrayList<>(List.of("cc", "-O2", "-Wall", "-Werror", "-o", binary.toString(), source.toString()));
            command.addAll(List.of(libraries));
            cc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            MachineRequirements.require(false, "building " + source
                    + " needs a C compiler (cc: Debian package gcc or clang; run bin/setup): " + e.getMessage());
            throw e;
        }
        String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cc.waitFor(2, TimeUnit.MINUTES) || cc.exitValue() != 0) {
            fail("cc " + source + " failed:\n" + output);
        }
        return binary;
    }
}
