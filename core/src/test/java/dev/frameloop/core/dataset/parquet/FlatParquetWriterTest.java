package dev.frameloop.core.dataset.parquet;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.ParquetEncodingException;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows written column by column read back through parquet-avro, across row groups, with nulls where allowed. */
class FlatParquetWriterTest {
    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "Row", "namespace": "dev.frameloop.test",
             "fields": [
               {"name": "seq", "type": "long", "frameloop.dictionary": false},
               {"name": "cpu", "type": "int"},
               {"name": "flag", "type": "boolean"},
               {"name": "name", "type": "bytes"},
               {"name": "note", "type": ["null", "long"], "default": null}
             ]}""");
    private static final Binary NAME = Binary.fromConstantByteArray("a\"b\n<c>".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryRowAcrossRowGroupsWithNullsForOptionalColumnsLeftOut() throws Exception {
        Path file = dir.resolve("rows.parquet");
        int rows = 5 * FlatParquetWriter.SIZE_CHECK_ROWS + 7;
        ParquetSettings smallGroups = new ParquetSettings(ParquetSettings.DEFAULT.codec(),
                ParquetSettings.DEFAULT.writerVersion(), 1024, 1024, true, true);
        try (FlatParquetWriter<Long> writer = ParquetFiles.writer(new LocalOutputFile(file), SCHEMA, (seq, out) -> {
            Columns.putLong(out, 0, "seq", seq);
            Columns.putInt(out, 1, "cpu", (int) (seq % 8));
            Columns.putBoolean(out, 2, "flag", seq % 3 == 0);
            Columns.putBinary(out, 3, "name", NAME);
            if (seq % 2 == 0) {
                out.startField("note", 4);
                out.addLong(-seq);
                out.endField("note", 4);
            }
        }, Map.of("k", "v"), smallGroups, new Configuration())) {
            for (long seq = 0; seq < rows; seq++) {
                writer.write(seq);
            }
        }

        ParquetMetadata footer;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            footer = reader.getFooter();
        }
        assertEquals(6, footer.getBlocks().size(), "a row group every size check: 1 KiB is always reached");
        assertEquals("v", footer.getFileMetaData().getKeyValueMetaData().get("k"));
        assertTrue(footer.getBlocks().get(0).getColumns().get(0).getEncodings().stream()
                .noneMatch(e -> e.usesDictionary()), "seq is not dictionary-encoded");
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
            for (long seq = 0; seq < rows; seq++) {
                GenericRecord row = reader.read();
                assertEquals(seq, row.get("seq"));
                assertEquals((int) (seq % 8), row.get("cpu"));
                assertEquals(seq % 3 == 0, row.get("flag"));
                assertEquals(NAME.toByteBuffer(), row.get("name"));
                if (seq % 2 == 0) {
                    assertEquals(-seq, row.get("note"));
                } else {
                    assertNull(row.get("note"));
                }
            }
            assertNull(reader.read(), "no row beyond those written");
        }
    }

    @Test
    void shouldFailARowThatLeavesOutARequiredColumn() throws Exception {
        Path file = dir.resolve("bad.parquet");
        try (FlatParquetWriter<Long> writer = ParquetFiles.writer(new LocalOutputFile(file), SCHEMA,
                (seq, out) -> Columns.putLong(out, 0, "seq", seq), Map.of(), ParquetSettings.DEFAULT, new Configuration())) {
            ParquetEncodingException e = assertThrows(ParquetEncodingException.class, () -> writer.write(1L));
            assertTrue(e.getMessage().contains("required column cpu missing"), e.getMessage());
        }
    }

    @Test
    void shouldRefuseNestedSchemas() {
        Schema nested = new Schema.Parser().parse("""
                {"type": "record", "name": "Outer", "fields": [
                  {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [{"name": "x", "type": "long"}]}}
                ]}""");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParquetFiles.writer(
                new LocalOutputFile(dir.resolve("n.parquet")), nested, (Long row, org.apache.parquet.io.api.RecordConsumer out) -> {
                }, Map.of(), ParquetSettings.DEFAULT, new Configuration()));
        assertFalse(e.getMessage().isEmpty());
        assertTrue(e.getMessage().contains("only flat schemas"), e.getMessage());
    }
}
