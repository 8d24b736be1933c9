package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.RollPolicy;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionInfo;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.SessionSummary;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.SessionWriterOptions;
import dev.frameloop.core.dataset.storage.LocalStorage;
import dev.frameloop.core.event.EventFlyweight;
import dev.frameloop.core.event.EventType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wire bytes → Parquet → read back, for every event type: through the Java records, through
 * parquet-avro's GenericRecords and through DuckDB over the Hive layout; every value equal,
 * raw names byte for byte.
 */
class EventRoundTripTest {
    private static final int PER_TYPE = 400;

    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryEventTypeExactlyAsTheKernelWroteIt() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-01-14T15:30:12Z"), ZoneOffset.UTC);
        SessionId id = SessionId.startingAt(clock.instant());
        LocalStorage storage = new LocalStorage(dir);
        SessionWriterOptions options = SessionWriterOptions.DEFAULT.withRoll(new RollPolicy(150, Duration.ofHours(1)));
        SessionWriter session = SessionWriter.create(storage, id,
                new SessionInfo("h", "k", "observe", "", Map.of()), options, clock);
        EventRecorder recorder = new EventRecorder(session);
        for (EventType type : EventType.values()) {
            ByteBuffer records = WireRecords.random(type, PER_TYPE, type.code());
            for (int i = 0; i < PER_TYPE; i++) {
                assertTrue(recorder.append(records, i * type.size(), type.size()), type + " record " + i);
            }
        }
        SessionSummary summary = session.finish("done");
        assertTrue(summary.isClean(), summary.toString());

        SessionReader reader = new Dataset(storage, EventTables.catalog()).session(id);
        assertEquals(EventType.values().length, reader.eventTypes().size());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (EventType type : EventType.values()) {
                String table = EventTables.tableName(type);
                List<Record> expected = expectedRecords(type, WireRecords.random(type, PER_TYPE, type.code()));
                assertEquals(PER_TYPE, summary.manifest().events().get(table).written(), table);
                assertEquals(PER_TYPE, reader.count(table), table);

                List<? extends Record> records = readRecords(reader, type);
                assertEquals(expected, records, table + ": records");

                List<GenericRecord> rows = reader.readAll(table);
                assertEquals(EventTables.schema(type), rows.get(0).getSchema(), table + ": schema read from the footer");
                assertSameAsDuckDb(duck, type, rows);
            }
        }
    }

    private static List<Record> expectedRecords(EventType type, ByteBuffer buffer) throws Exception {
        EventFlyweight flyweight = EventTables.binding(type).flyweights().get();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < PER_TYPE; i++) {
            flyweight.wrap(buffer, i * type.size());
            records.add((Record) flyweight.getClass().getMethod("toRecord").invoke(flyweight));
        }
        return records;
    }

    private static List<? extends Record> readRecords(SessionReader reader, EventType type) throws Exception {
        return EventRecords.read(reader, EventTables.binding(type).recordClass());
    }

    private void assertSameAsDuckDb(Connection duck, EventType type, List<GenericRecord> rows) throws Exception {
        String table = EventTables.tableName(type);
        String sql = "SELECT * FROM read_parquet('" + dir + "/*/event=" + table
                + "/*.parquet', hive_partitioning=true, filename='_file', file_row_number=true)"
                + " ORDER BY _file, file_row_number";
        try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int n = 0;
            while (result.next()) {
                GenericRecord row = rows.get(n);
                assertEquals(table, result.getString("event"));
                for (Schema.Field field : row.getSchema().getFields()) {
                    String where = table + " row " + n + " " + field.name();
                    Object value = row.get(field.name());
                    switch (field.schema().getType()) {
                        case BYTES -> {
                            ByteBuffer bytes = ((ByteBuffer) value).duplicate();
                            byte[] array = new byte[bytes.remaining()];
                            bytes.get(array);
                            java.sql.Blob blob = result.getBlob(field.name());
                            assertArrayEquals(array, blob.getBytes(1, (int) blob.length()), where);
                        }
                        case ENUM -> assertEquals(value.toString(), result.getString(field.name()), where);
                        case INT -> assertEquals(value, result.getInt(field.name()), where);
                        case LONG -> assertEquals(value, result.getLong(field.name()), where);
                        case BOOLEAN -> assertEquals(value, result.getBoolean(field.name()), where);
                        default -> throw new AssertionError(where + ": unexpected type " + field.schema());
                    }
                }
                n++;
            }
            assertEquals(PER_TYPE, n, table + ": DuckDB rows");
        }
    }
}
