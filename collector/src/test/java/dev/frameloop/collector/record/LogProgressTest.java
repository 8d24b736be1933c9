package dev.frameloop.collector.record;

import dev.frameloop.core.dataset.DataFile;
import dev.frameloop.core.dataset.TableCounts;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogProgressTest {

    @Test
    void shouldPrintOneLineEveryIntervalWithRatesDropsFilesAndBytes() {
        StringWriter text = new StringWriter();
        LogProgress progress = new LogProgress(new PrintWriter(text), Duration.ofSeconds(5));
        RecordingSnapshot first = new RecordingSnapshot(
                Map.of("process", new TableCounts(1, 100, 60, 0, 40), "input", new TableCounts(1, 0, 0, 0, 0)),
                List.of(new DataFile("process", "event=process/part-00000.parquet", 60, 2_500)),
                Map.of("fl_rb_process", 3L, "fl_rbs_input[0]", 0L), true, null);
        RecordingSnapshot second = new RecordingSnapshot(
                Map.of("process", new TableCounts(1, 600, 600, 0, 0), "input", new TableCounts(1, 0, 0, 0, 0)),
                List.of(new DataFile("process", "event=process/part-00000.parquet", 60, 2_500),
                        new DataFile("process", "event=process/part-00001.parquet", 540, 1_250_000)),
                Map.of("fl_rb_process", 3L, "fl_rbs_input[0]", 0L), true, null);

        progress.update(first, Duration.ofSeconds(4));
        progress.update(first, Duration.ofSeconds(5));
        progress.update(first, Duration.ofSeconds(7));
        progress.update(second, Duration.ofSeconds(10));

        assertEquals(List.of(
                "after 5s: process 100 (20/s) drops 3 files 1 2.5 kB",
                "after 10s: process 600 (100/s) drops 3 files 2 1.3 MB"), text.toString().lines().toList());
    }
}
