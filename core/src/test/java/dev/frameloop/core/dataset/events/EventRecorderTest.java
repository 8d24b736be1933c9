package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.ManifestJson;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionInfo;
import dev.frameloop.core.dataset.SessionManifest;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.SessionWriterOptions;
import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.dataset.storage.LocalStorage;
import dev.frameloop.core.event.EventFlyweight;
import dev.frameloop.core.event.EventHeaderLayout;
import dev.frameloop.core.event.EventType;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRecorderTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-14T15:30:12Z"), ZoneOffset.UTC);

    @Test
    void shouldCountRecordsItCannotReadInsteadOfWritingThem() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = SessionId.startingAt(clock.instant());
        SessionWriter session = SessionWriter.create(storage, id, new SessionInfo("h", "k", "observe", "", Map.of()),
                SessionWriterOptions.DEFAULT, clock);
        EventRecorder recorder = new EventRecorder(session, EnumSet.complementOf(EnumSet.of(EventType.GPU_SUBMIT)));
        EventType input = EventType.INPUT;
        ByteBuffer good = WireRecords.random(input, 3, 1);

        ByteBuffer unknownType = WireRecords.random(input, 1, 2);
        unknownType.putShort(EventHeaderLayout.TYPE_OFFSET, (short) 99);
        ByteBuffer newerVersion = WireRecords.random(input, 1, 3);
        newerVersion.putShort(EventHeaderLayout.VERSION_OFFSET, (short) (input.version() + 1));
        ByteBuffer wrongSize = WireRecords.random(input, 1, 4);
        wrongSize.putInt(EventHeaderLayout.SIZE_OFFSET, input.size() + 8);
        ByteBuffer notRecorded = WireRecords.random(EventType.GPU_SUBMIT, 1, 5);

        for (int i = 0; i < 3; i++) {
            assertTrue(recorder.append(good, i * input.size(), input.size()));
        }
        assertFalse(recorder.append(unknownType, 0, input.size()));
        assertFalse(recorder.append(newerVersion, 0, input.size()));
        assertFalse(recorder.append(wrongSize, 0, input.size()));
        assertFalse(recorder.append(good, 0, input.size() - 8), "a short record was accepted");
        assertFalse(recorder.append(good, 0, 10), "a record shorter than a header was accepted");
        assertFalse(recorder.append(notRecorded, 0, EventType.GPU_SUBMIT.size()));

        assertEquals(2, recorder.unknownTypeCount());
        assertEquals(3, recorder.rejectedCount(input));
        assertEquals(1, recorder.rejectedCount(EventType.GPU_SUBMIT));
        recorder.publishCounts();
        session.finish("done");
        SessionManifest manifest = ManifestJson.read(storage, id);
        assertEquals(Map.of("unknown_type", 2L, "layout_mismatch:input", 3L, "not_recorded:gpu_submit", 1L),
                manifest.rejectedEvents());
        assertEquals(3, new Dataset(storage, EventTables.catalog()).session(id).count("input"));
    }

    @Test
    void shouldEncodeRowsWithoutAllocating() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RecordConsumer discard = new DiscardingConsumer();
        for (EventType type : EventType.values()) {
            EventBinding<?> binding = EventTables.binding(type);
            encodeAll(binding, WireRecords.random(type, 64, type.code()), discard, 20_000); // JIT warm-up
            ByteBuffer records = WireRecords.random(type, 64, type.code());
            long before = threads.getCurrentThreadAllocatedBytes();
            encodeAll(binding, records, discard, 1_000_000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // a new flyweight and encoder, their caches' entries for 64 records; nothing per row
            assertTrue(allocated < 64 * 1024, type + ": " + allocated + " bytes allocated for 1,000,000 rows");
        }
    }

    private static <F extends EventFlyweight> void encodeAll(EventBinding<F> binding, ByteBuffer records,
                                                              RecordConsumer out, int rows) {
        F flyweight = binding.flyweights().get();
        RowEncoder<F> encoder = binding.encoders().get();
        int size = binding.type().size();
        // first pass: the encoder's name caches fill up
        for (int i = 0; i < 64; i++) {
            flyweight.wrap(records, i * size);
            encoder.write(flyweight, out);
        }
        for (int i = 0; i < rows; i++) {
            flyweight.wrap(records, (i & 63) * size);
            encoder.write(flyweight, out);
        }
    }

    /** Accepts every call and keeps nothing. */
    private static final class DiscardingConsumer extends RecordConsumer {
        long values;

        @Override
        public void startMessage() {
        }

        @Override
        public void endMessage() {
        }

        @Override
        public void startField(String field, int index) {
        }

        @Override
        public void endField(String field, int index) {
        }

        @Override
        public void startGroup() {
        }

        @Override
        public void endGroup() {
        }

        @Override
        public void addInteger(int value) {
            values += value;
        }

        @Override
        public void addLong(long value) {
            values += value;
        }

        @Override
        public void addBoolean(boolean value) {
            values += value ? 1 : 0;
        }

        @Override
        public void addBinary(Binary value) {
            values += value.length();
        }

        @Override
        public void addFloat(float value) {
        }

        @Override
        public void addDouble(double value) {
        }
    }
}
