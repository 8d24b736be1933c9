package dev.frameloop.core.dataset;

import dev.frameloop.core.dataset.storage.LocalStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestJsonTest {
    @TempDir
    Path dir;

    private static SessionManifest manifest(SessionId id, SessionState state) {
        return new SessionManifest(SessionManifest.FORMAT, SessionManifest.VERSION, id.value(), state, "host",
                "6.18.0", "observe", "abc", Map.of("input", "tp_btf/input_event"), Sessions.START,
                Sessions.START.plusSeconds(5), null, null, SessionManifest.Roll.of(RollPolicy.DEFAULT),
                new SessionManifest.Parquet("SNAPPY", "PARQUET_2_0"), Map.of("input", new TableCounts(1, 10, 8, 0, 2)),
                Map.of("input_ring", 3L), Map.of(), List.of(new DataFile("input", "event=input/part-00000.parquet", 8, 900)),
                null, List.of());
    }

    @Test
    void shouldRoundTripWithSnakeCaseKeysAndIsoInstants() {
        SessionManifest manifest = manifest(SessionId.startingAt(Sessions.START), SessionState.RECORDING);
        String json = ManifestJson.toText(manifest);

        assertTrue(json.contains("\"session_id\" : \"" + manifest.sessionId() + "\""), json);
        assertTrue(json.contains("\"started_at\" : \"2026-01-14T15:30:12Z\""), json);
        assertTrue(json.contains("\"state\" : \"recording\""), json);
        assertTrue(json.contains("\"ring_drops\" : {"), json);
        assertTrue(json.contains("\"max_interval_millis\" : 30000"), json);
        assertEquals(manifest, ManifestJson.parse(json.getBytes(StandardCharsets.UTF_8), "m"));
    }

    @Test
    void shouldReplaceAtomicallyAndLeaveNoTemporaryFile() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = SessionId.startingAt(Sessions.START);
        ManifestJson.write(storage, manifest(id, SessionState.RECORDING));
        ManifestJson.write(storage, manifest(id, SessionState.FINISHED));

        assertEquals(SessionState.FINISHED, ManifestJson.read(storage, id).state());
        assertFalse(storage.exists(DatasetPaths.manifestTemp(id)));
    }

    @Test
    void shouldKeepTheOldManifestWhenAWriteDiesHalfway() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        SessionId id = SessionId.startingAt(Sessions.START);
        ManifestJson.write(storage, manifest(id, SessionState.RECORDING));
        // a writer killed while writing the temporary file
        byte[] full = ManifestJson.toJson(manifest(id, SessionState.FINISHED));
        Files.write(dir.resolve(DatasetPaths.manifestTemp(id)), java.util.Arrays.copyOf(full, full.length / 2));

        assertEquals(SessionState.RECORDING, ManifestJson.read(storage, id).state());
    }

    @Test
    void shouldRefuseAManifestOfANewerLayoutOrAnotherFormat() {
        SessionManifest manifest = manifest(SessionId.startingAt(Sessions.START), SessionState.FINISHED);
        String json = ManifestJson.toText(manifest);
        String newer = json.replace("\"manifest_version\" : 1", "\"manifest_version\" : 2");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> ManifestJson.parse(newer.getBytes(StandardCharsets.UTF_8), "/data/session=x/manifest.json"));
        assertEquals(DatasetFormatException.Problem.NEWER, e.problem());
        assertEquals("/data/session=x/manifest.json has manifest version 2; this build reads up to version 1:"
                + " use a newer frameloop", e.getMessage());

        String other = json.replace("\"format\" : \"frameloop-session\"", "\"format\" : \"something\"");
        DatasetFormatException foreign = assertThrows(DatasetFormatException.class,
                () -> ManifestJson.parse(other.getBytes(StandardCharsets.UTF_8), "m.json"));
        assertEquals(DatasetFormatException.Problem.FOREIGN, foreign.problem());

        DatasetFormatException broken = assertThrows(DatasetFormatException.class,
                () -> ManifestJson.parse("{\"format\": ".getBytes(StandardCharsets.UTF_8), "m.json"));
        assertEquals(DatasetFormatException.Problem.CORRUPT, broken.problem());
        assertTrue(broken.getMessage().startsWith("m.json is not a readable session manifest"), broken.getMessage());
    }

    @Test
    void shouldKeepInstantsExact() {
        Instant odd = Instant.parse("2026-01-14T15:30:12.123456789Z");
        SessionManifest manifest = manifest(SessionId.startingAt(odd), SessionState.FINISHED);
        SessionManifest read = ManifestJson.parse(ManifestJson.toJson(manifest), "m");
        assertEquals(manifest.startedAt(), read.startedAt());
    }
}
