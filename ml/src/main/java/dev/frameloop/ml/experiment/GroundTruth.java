package dev.frameloop.ml.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * synthgame's own record of a run (its {@code --out} folder): {@code frames.csv}, {@code input.csv},
 * {@code summary.json}. Frame times are the intervals between consecutive presents.
 *
 * @param presentsNs       every frame's present time, CLOCK_MONOTONIC ns, in frame order
 * @param missed           every frame's deadline miss
 * @param presentWindowsNs every frame's window around a return probe on its present: from the present's clock read
 *                         to the clock read when the call had returned, ns (0 throughout in files written before
 *                         synthgame recorded it)
 * @param inputLatenciesNs every presented input event's latency, ns
 * @param summary          summary.json as written
 */
public record GroundTruth(long[] presentsNs, boolean[] missed, long[] presentWindowsNs, long[] inputLatenciesNs,
                          JsonNode summary) {
    public static final String FRAMES = "frames.csv";
    public static final String INPUT = "input.csv";
    public static final String SUMMARY = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRAME_COLUMNS = "frame,scheduled_ns,start_ns,present_ns,deadline_ns,work_ns,spike,missed";

    /** Reads the folder; fails with the file and line that are wrong. */
    public static GroundTruth read(Path dir) throws IOException {
        JsonNode summary = JSON.readTree(dir.resolve(SUMMARY).toFile());
        List<long[]> frames = new ArrayList<>();
        readCsv(dir.resolve(FRAMES), List.of(FRAME_COLUMNS + ",returned_ns", FRAME_COLUMNS), f -> frames.add(
                new long[] {Long.parseLong(f[3]), Long.parseLong(f[7]), f.length > 8 ? Long.parseLong(f[8]) - Long.parseLong(f[3]) : 0}));
        List<Long> latencies = new ArrayList<>();
        Path input = dir.resolve(INPUT);
        if (Files.exists(input)) {
            readCsv(input, List.of("seq,event_ns,read_ns,frame,present_ns,latency_ns"), f -> {
                long latency = Long.parseLong(f[5]);
                if (latency >= 0) {
                    latencies.add(latency);
                }
            });
        }
        long[] presents = new long[frames.size()];
        boolean[] missed = new boolean[frames.size()];
        long[] windows = new long[frames.size()];
        for (int i = 0; i < presents.length; i++) {
            presents[i] = frames.get(i)[0];
            missed[i] = frames.get(i)[1] != 0;
            windows[i] = frames.get(i)[2];
        }
        return new GroundTruth(presents, missed, windows, latencies.stream().mapToLong(Long::longValue).toArray(), summary);
    }

    public int frames() {
        return presentsNs.length;
    }

    public long underruns() {
        return summary.path("audio_underruns").asLong(0);
    }

    /** The run as the statistics see it: frame times (ms) from frame 1 on, each with its frame's miss. */
    public RunSample sample() {
        int n = Math.max(0, presentsNs.length - 1);
        double[] frameTimes = new double[n];
        boolean[] miss = new boolean[n];
        for (int i = 1; i < presentsNs.length; i++) {
            frameTimes[i - 1] = (presentsNs[i] - presentsNs[i - 1]) / 1e6;
            miss[i - 1] = missed[i];
        }
        double[] latencies = new double[inputLatenciesNs.length];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = inputLatenciesNs[i] / 1e6;
        }
        return new RunSample(frameTimes, miss, latencies, underruns());
    }

    /** Reads a CSV file whose header is one of {@code headers}; every row has as many fields as its header. */
    private static void readCsv(Path file, List<String> headers, Consumer<String[]> row) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String first = in.readLine();
            if (!headers.contains(first)) {
                throw new IOException(file + ": header is '" + first + "', expected '" + String.join("' or '", headers) + "'");
            }
            int columns = first.split(",", -1).length;
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                String[] fields = line.split(",", -1);
                if (fields.length != columns) {
                    throw new IOException(file + ":" + number + ": " + fields.length + " fields, expected " + columns);
                }
                try {
                    row.accept(fields);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
