package dev.frameloop.collector.record;

import dev.frameloop.core.dataset.DataFile;
import dev.frameloop.core.dataset.TableCounts;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a recording has done so far, published by the consumer thread at every tick for the
 * progress display and the main loop (which must not touch the single-threaded session writer).
 *
 * @param counts      per event table, the writer's counts
 * @param files       complete part files
 * @param ringDrops   per ring, records the kernel could not reserve room for
 * @param recording   false once a write failure stopped the session
 * @param failure     the write failure, if any
 */
public record RecordingSnapshot(Map<String, TableCounts> counts, List<DataFile> files, Map<String, Long> ringDrops,
                                boolean recording, String failure) {
    /** Nothing recorded yet. */
    static final RecordingSnapshot EMPTY = new RecordingSnapshot(Map.of(), List.of(), Map.of(), true, null);

    /** Copies the collections. */
    public RecordingSnapshot {
        counts = Map.copyOf(counts);
        files = List.copyOf(files);
        ringDrops = Map.copyOf(ringDrops);
    }

    /** Events received by Java, every table. */
    public long totalReceived() {
        return counts.values().stream().mapToLong(TableCounts::received).sum();
    }

    /** Ring drops of the rings whose name starts with the table's ring names ({@code fl_rb_x}, {@code fl_rbs_x[i]}). */
    public long dropsOf(String table) {
        long sum = 0;
        for (Map.Entry<String, Long> e : ringDrops.entrySet()) {
            String ring = e.getKey();
            if (ring.equals("fl_rb_" + table) || ring.startsWith("fl_rbs_" + table + "[")) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** Files of one table. */
    public long filesOf(String table) {
        return files.stream().filter(f -> f.event().equals(table)).count();
    }

    /** Bytes of the complete files of one table. */
    public long bytesOf(String table) {
        return files.stream().filter(f -> f.event().equals(table)).mapToLong(DataFile::bytes).sum();
    }

    /** Table names, sorted. */
    public List<String> tables() {
        return List.copyOf(new TreeMap<>(counts).keySet());
    }
}
