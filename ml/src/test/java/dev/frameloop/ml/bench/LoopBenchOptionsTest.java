package dev.frameloop.ml.bench;

import dev.frameloop.ml.cli.FrameloopMain;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoopBenchOptionsTest {

    private static LoopBenchOptions options(long rate, Duration duration, int segments, Duration sleep) {
        return new LoopBenchOptions(rate, duration, segments, sleep, Optional.empty(), Optional.empty());
    }

    @Test
    void shouldSplitTheDurationInSegmentsWithATenthOfEachAsWarmup() {
        LoopBenchOptions o = options(1000, Duration.ofSeconds(4), 4, Duration.ofNanos(20_000));

        assertEquals(1000, o.triggersPerSegment());
        assertEquals(100, o.warmupPerSegment());
        assertEquals(LoopBenchOptions.MIN_SEGMENT_TRIGGERS, options(10, Duration.ofMillis(100), 4, Duration.ofNanos(20_000))
                .triggersPerSegment());
    }

    @Test
    void shouldRefuseBadValuesNamingTheOption() {
        assertEquals("--rate must be 1..100000 triggers/s, got 0", assertThrows(IllegalArgumentException.class,
                () -> options(0, Duration.ofSeconds(1), 4, Duration.ofNanos(20_000))).getMessage());
        assertEquals("--segments must be 1..100, got 0", assertThrows(IllegalArgumentException.class,
                () -> options(1000, Duration.ofSeconds(1), 0, Duration.ofNanos(20_000))).getMessage());
        assertEquals("--target-sleep-us must be 1..100000 (µs), got 200000", assertThrows(IllegalArgumentException.class,
                () -> options(1000, Duration.ofSeconds(1), 4, Duration.ofMillis(200))).getMessage());
    }

    @Test
    void shouldExitWithUsageAndTheReasonOnBadOptionsBeforeLoadingAnything() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FrameloopMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("bench", "loop", "--rate", "0");

        assertEquals(2, code, err.toString());
        assertEquals("frameloop bench loop: --rate must be 1..100000 triggers/s, got 0", err.toString().strip());
        assertEquals("", out.toString());
    }
}
