package dev.frameloop.ml.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a synthgame ground-truth folder by hand, in synthgame's formats, for tests. */
final class GroundTruthFixture {
    private GroundTruthFixture() {
    }

    static void write(Path dir, long[] presentsNs, boolean[] missed, long[] latenciesNs, long underruns, String renderName)
            throws IOException {
        write(dir, presentsNs, missed, new long[presentsNs.length], latenciesNs, underruns, renderName);
    }

    /** {@code windowsNs}: per frame, how long after its present the game read the clock again (returned_ns − present_ns). */
    static void write(Path dir, long[] presentsNs, boolean[] missed, long[] windowsNs, long[] latenciesNs, long underruns,
                      String renderName) throws IOException {
        Files.createDirectories(dir);
        StringBuilder frames = new StringBuilder("frame,scheduled_ns,start_ns,present_ns,deadline_ns,work_ns,spike,missed,returned_ns\n");
        for (int i = 0; i < presentsNs.length; i++) {
            long p = presentsNs[i];
            frames.append(i).append(',').append(p - 5_000_000).append(',').append(p - 4_000_000).append(',').append(p)
                    .append(',').append(p + 11_000_000).append(",4000000,0,").append(missed[i] ? 1 : 0).append(',')
                    .append(p + windowsNs[i]).append('\n');
        }
        Files.writeString(dir.resolve(GroundTruth.FRAMES), frames);
        StringBuilder input = new StringBuilder("seq,event_ns,read_ns,frame,present_ns,latency_ns\n");
        for (int i = 0; i < latenciesNs.length; i++) {
            long present = latenciesNs[i] < 0 ? 0 : 5_000_000_000L;
            input.append(i).append(",100,200,").append(latenciesNs[i] < 0 ? -1 : 0).append(',').append(present).append(',')
                    .append(latenciesNs[i]).append('\n');
        }
        Files.writeString(dir.resolve(GroundTruth.INPUT), input);
        String escapedName = renderName.replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(dir.resolve(GroundTruth.SUMMARY), "{\"tool\": \"synthgame\", \"frames\": " + presentsNs.length
                + ", \"frames_missed\": 0, \"audio_underruns\": " + underruns
                + ", \"threads\": {\"main\": 10, \"render\": 11, \"input\": 12}, \"render_thread_name\": \"" + escapedName + "\"}\n");
    }
}
