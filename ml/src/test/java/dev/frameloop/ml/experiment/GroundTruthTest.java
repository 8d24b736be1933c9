package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundTruthTest {
    @TempDir
    Path dir;

    @Test
    void shouldTurnPresentsIntoFrameTimesAndKeepPresentedLatencies() throws IOException {
        GroundTruthFixture.write(dir, new long[] {1_000_000_000L, 1_016_000_000L, 1_040_000_000L, 1_056_500_000L},
                new boolean[] {false, false, true, false}, new long[] {2_000_000L, -1L, 7_500_000L}, 3, "render");

        GroundTruth gt = GroundTruth.read(dir);
        RunSample sample = gt.sample();

        assertEquals(4, gt.frames());
        assertArrayEquals(new double[] {16.0, 24.0, 16.5}, sample.frameTimesMs(), 1e-9);
        assertArrayEquals(new boolean[] {false, true, false}, sample.missed());
        assertArrayEquals(new double[] {2.0, 7.5}, sample.inputLatenciesMs(), 1e-9);
        assertEquals(3, sample.underruns());
    }

    @Test
    void shouldReadEachFramesWindowAroundTheProbeAndTakeFilesWrittenBeforeSynthgameRecordedIt() throws IOException {
        long[] presents = {1_000_000_000L, 1_016_000_000L, 1_032_000_000L};
        GroundTruthFixture.write(dir, presents, new boolean[3], new long[] {900, 4_600_000, 1_200}, new long[0], 0, "render");
        assertArrayEquals(new long[] {900, 4_600_000, 1_200}, GroundTruth.read(dir).presentWindowsNs());

        Files.writeString(dir.resolve(GroundTruth.FRAMES), "frame,scheduled_ns,start_ns,present_ns,deadline_ns,work_ns,spike,missed\n"
                + "0,1,2,1000,20,3,0,0\n1,17,18,2000,36,3,0,1\n");
        GroundTruth older = GroundTruth.read(dir);
        assertArrayEquals(new long[] {1000, 2000}, older.presentsNs());
        assertArrayEquals(new boolean[] {false, true}, older.missed());
        assertArrayEquals(new long[2], older.presentWindowsNs());
    }

    @Test
    void shouldNameTheFileAndLineThatIsWrong() throws IOException {
        GroundTruthFixture.write(dir, new long[] {1, 2}, new boolean[2], new long[0], 0, "render");
        Files.writeString(dir.resolve(GroundTruth.FRAMES), "1,2,3\n", java.nio.file.StandardOpenOption.APPEND);

        IOException e = assertThrows(IOException.class, () -> GroundTruth.read(dir));

        assertTrue(e.getMessage().contains("frames.csv:4"), e.getMessage());
    }
}
