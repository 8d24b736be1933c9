package dev.frameloop.core.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.frameloop.core.dataset.storage.DatasetStorage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes {@code manifest.json}: snake_case keys, ISO-8601 instants, pretty-printed.
 * Writes are atomic ({@link DatasetStorage#replace}: temporary file, fsync, rename).
 */
public final class ManifestJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private ManifestJson() {
    }

    /** The JSON text of a manifest. */
    public static byte[] toJson(SessionManifest manifest) {
        try {
            return MAPPER.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest cannot be serialised: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a manifest.
     *
     * @param where names the file in error messages
     * @throws DatasetFormatException if it is not a frameloop manifest or is of a newer layout
     */
    public static SessionManifest parse(byte[] json, String where) {
        SessionManifest manifest;
        try {
            manifest = MAPPER.readValue(json, SessionManifest.class);
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(DatasetFormatException.Problem.CORRUPT, where + " is not a readable session manifest: " + e.getMessage(), e);
        }
        if (!SessionManifest.FORMAT.equals(manifest.format())) {
            throw new DatasetFormatException(DatasetFormatException.Problem.FOREIGN, where + " is not a frameloop session manifest (format '"
                    + manifest.format() + "', expected '" + SessionManifest.FORMAT + "')");
        }
        if (manifest.manifestVersion() > SessionManifest.VERSION) {
            throw new DatasetFormatException(DatasetFormatException.Problem.NEWER, where + " has manifest version " + manifest.manifestVersion()
                    + "; this build reads up to version " + SessionManifest.VERSION + ": use a newer frameloop");
        }
        return manifest;
    }

    /** Writes the manifest of a session atomically. */
    public static void write(DatasetStorage storage, SessionManifest manifest) throws IOException {
        SessionId id = manifest.id();
        storage.replace(DatasetPaths.manifest(id), DatasetPaths.manifestTemp(id), toJson(manifest));
    }

    /**
     * Reads the manifest of a session.
     *
     * @throws java.nio.file.NoSuchFileException if the session has no manifest
     * @throws DatasetFormatException            if it is not a readable frameloop manifest
     */
    public static SessionManifest read(DatasetStorage storage, SessionId id) throws IOException {
        String path = DatasetPaths.manifest(id);
        return parse(storage.read(path), storage.describe(path));
    }

    /** The manifest as readable text (for logs and tests). */
    public static String toText(SessionManifest manifest) {
        return new String(toJson(manifest), StandardCharsets.UTF_8);
    }
}
