package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.parquet.FooterKeys;
import dev.frameloop.core.dataset.storage.DatasetStorage;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a part file: that its footer is readable Parquet, that it was written by frameloop for
 * the table its folder names, with a schema this build knows at a version it can read; and, on
 * request, that every page's bytes match their checksum. Failures are
 * {@link DatasetFormatException}s whose message names the file and says what is wrong.
 */
public final class PartFileInspector {
    // built once: a builder reads Hadoop's default configuration files each time (~5 ms)
    private static final ParquetReadOptions FOOTER_ONLY = ParquetReadOptions.builder().build();
    private static final ParquetReadOptions VERIFY_PAGES =
            ParquetReadOptions.builder().usePageChecksumVerification(true).build();

    /** The advice that ends the message of a corrupt file. */
    public static final String FSCK_ADVICE = "; `frameloop fsck` moves such files aside";

    private PartFileInspector() {
    }

    /**
     * Reads and checks the footer of {@code path} (relative to the dataset root).
     *
     * @param table   the event type the file's folder names
     * @param catalog the tables this build knows
     * @throws DatasetFormatException if the file is not a valid frameloop part file of {@code table}
     * @throws IOException            if the file cannot be read at all (missing, permissions)
     */
    public static PartFooter footer(DatasetStorage storage, String path, String table, TableCatalog catalog)
            throws IOException {
        String where = storage.describe(path);
        ParquetMetadata footer;
        long bytes = storage.size(path);
        InputFile input = storage.inputFile(path);
        try (ParquetFileReader reader = ParquetFileReader.open(input, FOOTER_ONLY)) {
            footer = reader.getFooter();
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(DatasetFormatException.Problem.CORRUPT, where
                    + " is not a readable Parquet file (" + bytes + " bytes, truncated or damaged: "
                    + reason(e, input) + ")" + FSCK_ADVICE, e);
        }
        Map<String, String> metadata = footer.getFileMetaData().getKeyValueMetaData();
        String version = metadata.get(FooterKeys.SCHEMA_VERSION);
        if (version == null) {
            throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, where + " was not written by frameloop: its footer has no "
                    + FooterKeys.SCHEMA_VERSION + " key (a foreign Parquet file inside a frameloop dataset; move it out)");
        }
        String fileTable = metadata.get(FooterKeys.EVENT_TYPE);
        if (!table.equals(fileTable)) {
            throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, where + " holds events of type '" + fileTable
                    + "' but sits in the folder of '" + table + "'");
        }
        Optional<Schema> known = catalog.schema(table);
        if (known.isEmpty()) {
            throw new DatasetFormatException(DatasetFormatException.Problem.NEWER, where + " holds event type '" + table
                    + "', which this build does not know (it knows " + catalog.tables() + "): use a newer frameloop");
        }
        int fileVersion = parseVersion(version, where);
        int readable = SchemaVersion.of(known.get());
        if (fileVersion > readable) {
            throw new DatasetFormatException(DatasetFormatException.Problem.NEWER, where + " has schema version " + fileVersion + " of '" + table
                    + "'; this build reads versions up to " + readable + ": use a newer frameloop to read it");
        }
        Schema schema = parseSchema(metadata.get(FooterKeys.AVRO_SCHEMA), where);
        if (!schema.getFullName().equals(known.get().getFullName())) {
            throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, where + " holds " + schema.getFullName() + " records, not "
                    + known.get().getFullName() + ": a foreign schema in the folder of '" + table + "'");
        }
        long rows = footer.getBlocks().stream().mapToLong(BlockMetaData::getRowCount).sum();
        return new PartFooter(path, table, rows, bytes, fileVersion, schema);
    }

    /**
     * Reads every page of {@code path} and checks its CRC, without decoding rows.
     *
     * @throws DatasetFormatException if a page is unreadable or its checksum does not match
     */
    public static void verifyPages(DatasetStorage storage, String path) throws IOException {
        InputFile input = storage.inputFile(path);
        try (ParquetFileReader reader = ParquetFileReader.open(input, VERIFY_PAGES)) {
            while (reader.readNextRowGroup() != null) {
                // reading a row group verifies the CRC of each of its pages
            }
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(DatasetFormatException.Problem.CORRUPT, storage.describe(path)
                    + " has damaged pages (" + reason(e, input) + ")" + FSCK_ADVICE, e);
        }
    }

    /** The error's message without parquet's name for the file (an object id for local files). */
    private static String reason(Exception e, InputFile input) {
        String message = String.valueOf(e.getMessage());
        String name = input.toString() + " ";
        String reason = message.startsWith(name) ? message.substring(name.length()) : message;
        String notParquet = "is not a Parquet file (";
        if (reason.startsWith(notParquet) && reason.endsWith(")")) {
            return reason.substring(notParquet.length(), reason.length() - 1);
        }
        return reason;
    }

    private static int parseVersion(String version, String where) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, where + " has a malformed " + FooterKeys.SCHEMA_VERSION + " '"
                    + version + "' in its footer", e);
        }
    }

    private static Schema parseSchema(String json, String where) {
        if (json == null) {
            throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, where + " has no Avro schema (" + FooterKeys.AVRO_SCHEMA
                    + ") in its footer: not a frameloop part file");
        }
        try {
            return new Schema.Parser().parse(json);
        } catch (SchemaParseException e) {
            throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, where + " has an unreadable Avro schema in its footer: "
                    + e.getMessage(), e);
        }
    }
}
