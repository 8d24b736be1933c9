package dev.frameloop.ml.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One {@code frameloop probe} run over four real presenting programs under Xvfb with Mesa's software renderers, the
 * same on the host and in the guest (a subclass runs {@link #script()} there and gives its {@link #output()}):
 * synthgame (its own present, which swaps an EGL pbuffer inside it), a GLX and an EGL program
 * ({@code workloads/present_x11.c}, {@value #FRAMES} frames each) and {@code vkcube --c} {@value #FRAMES} (lavapipe).
 * Each program's frames must come out once each, from the outermost hook of its present path, numbered without gaps.
 */
abstract class FramePresents {
    static final int FRAMES = 120;

    /** What the run printed. */
    abstract String output();

    @Test
    void shouldCountEverySynthgameFrameOnceAtItsOwnPresent() {
        String out = output();
        Matcher m = Pattern.compile("synthgame: pid (\\d+) frames (\\d+) ").matcher(out);
        assertTrue(m.find(), "no synthgame summary in\n" + out);
        assertTrue(out.contains("present egl"), "synthgame presented without EGL: the nesting is not exercised\n" + out);
        assertOnly(out, m.group(1), "app_present", Integer.parseInt(m.group(2)));
    }

    @Test
    void shouldCountEveryGlxSwapOnceThroughGlvnd() {
        String out = output();
        assertOnly(out, group(out, "present_x11: pid (\\d+) api glx frames " + FRAMES), "glx_swap_buffers", FRAMES);
    }

    @Test
    void shouldCountEveryEglSwapOnce() {
        String out = output();
        assertOnly(out, group(out, "present_x11: pid (\\d+) api egl frames " + FRAMES), "egl_swap_buffers", FRAMES);
    }

    @Test
    void shouldCountExactlyTheFramesVkcubePresentedAtTheX11PutImage() {
        String out = output();
        String pid = group(out, "(?m)^process exec pid (\\d+) tid \\d+ ppid \\d+ game 1 exit_code 0 comm \"vkcube\"");
        assertOnly(out, pid, "xcb_put_image", FRAMES);
    }

    /** A sh script for the checkout's directory: starts Xvfb on a free display, probes the four programs, stops Xvfb. */
    static String script() throws IOException, InterruptedException {
        String synthgame = Workloads.relative(Workloads.synthgame());
        String presentX11 = Workloads.relative(Workloads.presentX11());
        String programs = synthgame + " --out $T/sg --duration 2 --fps 60 --work-us 1000 --input-hz 0 --audio-device none"
                + " --assets 0 --shaders 0 && " + presentX11 + " glx " + FRAMES + " && " + presentX11 + " egl " + FRAMES
                + " && vkcube --c " + FRAMES;
        return String.join("\n",
                "FL=bin/frameloop; [ -x bin/frameloop ] || FL='java -jar ml/target/frameloop.jar'",
                "T=$(mktemp -d); export T",
                "Xvfb -displayfd 3 -screen 0 320x240x24 -nolisten tcp 3>\"$T/display\" >\"$T/xvfb.log\" 2>&1 &",
                "X=$!",
                "i=0; while [ ! -s \"$T/display\" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done",
                "if [ ! -s \"$T/display\" ]; then echo XVFB_FAILED; cat \"$T/xvfb.log\"; kill $X; exit 1; fi",
                "export DISPLAY=:$(cat \"$T/display\") vblank_mode=0",
                "$FL probe --game-comm synthgame --game-comm present_x11 --game-comm vkcube --frame-hook \"$PWD/" + synthgame
                        + ":synthgame_present\" -- sh -c '" + programs + "'",
                "echo \"PROBE_EXIT $?\"",
                "kill $X; wait $X 2>/dev/null; rm -rf \"$T\"");
    }

    /** The probe run ended well, with every frame hook attached and no frame record dropped. */
    static void assertProbeRan(String out) {
        assertTrue(out.contains("PROBE_EXIT 0"), out);
        assertTrue(out.contains("source frame_timing: uprobe:glXSwapBuffers@libGL.so.1"), out);
        assertEquals("0", group(out, "events \\(written/dropped/read\\):.*\\bframe_timing \\d+/(\\d+)/\\d+"), "frame drops\n" + out);
    }

    /** Exactly {@code frames} frame events of {@code pid}, all from {@code source}, numbered 1..frames without gaps. */
    private static void assertOnly(String out, String pid, String source, int frames) {
        assertEquals(String.valueOf(frames), group(out, "(?m)^frame_timing pid " + pid + " " + source + ": (\\d+)$"), out);
        Matcher all = Pattern.compile("(?m)^frame_timing pid " + pid + " [a-z_]+: \\d+$").matcher(out);
        int sources = 0;
        while (all.find()) {
            sources++;
        }
        assertEquals(1, sources, "frames of pid " + pid + " from more than one hook: counted twice\n" + out);
        assertTrue(out.contains("frame_timing pid " + pid + " seq 1.." + frames + ", 0 gaps"), out);
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in\n" + text);
        return m.group(1);
    }
}
