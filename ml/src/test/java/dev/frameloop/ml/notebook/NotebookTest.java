package dev.frameloop.ml.notebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookTest {
    @Test
    void shouldGiveTheDataDirectoryFromTheEnvironment(@TempDir Path dir) {
        assertEquals(dir.toAbsolutePath(), Notebook.dataDir(Map.of(Notebook.DATA_DIR_ENV, dir.toString())));
    }

    @Test
    void shouldSayHowToPassDataWhenNoneWasGiven() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Notebook.dataDir(Map.of()));
        assertTrue(e.getMessage().contains("--data DIR"), e.getMessage());
    }

    @Test
    void shouldNameAMissingDataDirectory(@TempDir Path dir) {
        Path missing = dir.resolve("session=none");
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                Notebook.dataDir(Map.of(Notebook.DATA_DIR_ENV, missing.toString())));
        assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
    }
}
