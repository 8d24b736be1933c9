package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.storage.LocalStorage;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by the crash tests: records part of a session, then dies the way SIGKILL
 * kills ({@link Runtime#halt}: no finally blocks, no shutdown hooks, files left open).
 *
 * <p>Writes 250 rows of {@code sample} (files roll every 100 rows) and 30 rows of {@code other},
 * rewrites the manifest (received 250/30), writes 30 more rows of {@code sample}, and halts.
 * At that moment {@code sample} has two complete files (200 rows) and 80 rows in an open file;
 * {@code other} has 30 rows in an open file.
 */
public final class CrashingRecorder {
    static final long ROLL_ROWS = 100;

    private CrashingRecorder() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        SessionId id = SessionId.parse(args[1]);
        MutableClock clock = new MutableClock(Sessions.START);
        SessionWriter session = SessionWriter.create(new LocalStorage(root), id, Sessions.INFO,
                Sessions.rollEvery(ROLL_ROWS), clock);
        TableWriter<SampleTable.SampleRow> sample = session.table(SampleTable.table());
        TableWriter<SampleTable.SampleRow> other = session.table(SampleTable.table("other", SampleTable.SCHEMA));
        Sessions.writeRows(sample, 0, 250);
        Sessions.writeRows(other, 0, 30);
        clock.advance(Duration.ofSeconds(5));
        session.tick();
        Sessions.writeRows(sample, 250, 30);
        System.out.println("halting");
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
