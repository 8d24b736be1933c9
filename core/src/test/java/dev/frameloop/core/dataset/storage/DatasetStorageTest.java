package dev.frameloop.core.dataset.storage;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two storages behave alike on what the dataset relies on. */
class DatasetStorageTest {
    @TempDir
    Path dir;

    private DatasetStorage storage(String kind) throws IOException {
        return kind.equals("local") ? new LocalStorage(dir) : HadoopStorage.open(dir.toUri(), new Configuration());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "hadoop"})
    void shouldCreateWriteRenameListAndReplace(String kind) throws Exception {
        DatasetStorage storage = storage(kind);
        NewFile file = storage.newFile("a/b/.x.tmp");
        try (var out = file.create(0)) {
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(5, file.bytesWritten());
        storage.rename("a/b/.x.tmp", "a/b/x");
        assertEquals(List.of(new StorageEntry("x", false, 5)), storage.list("a/b"));
        assertEquals(5, storage.size("a/b/x"));
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), storage.read("a/b/x"));

        storage.replace("a/m.json", "a/.m.json.tmp", "{1}".getBytes(StandardCharsets.UTF_8));
        storage.replace("a/m.json", "a/.m.json.tmp", "{2}".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("{2}".getBytes(StandardCharsets.UTF_8), storage.read("a/m.json"));
        assertFalse(storage.exists("a/.m.json.tmp"));
        // no side files (Hadoop's checksummed local file system would add .crc files)
        try (var walk = Files.walk(dir)) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().endsWith(".crc")).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "hadoop"})
    void shouldNeverOverwriteOnCreateOrRename(String kind) throws Exception {
        DatasetStorage storage = storage(kind);
        try (var out = storage.newFile("f").create(0)) {
            out.write(1);
        }
        try (var out = storage.newFile("g").create(0)) {
            out.write(2);
        }
        assertThrows(FileAlreadyExistsException.class, () -> storage.newFile("f").create(0));
        assertThrows(FileAlreadyExistsException.class, () -> storage.rename("g", "f"));
        assertArrayEquals(new byte[] {1}, storage.read("f"));
        assertTrue(storage.createDirectory("d"));
        assertFalse(storage.createDirectory("d"));
        assertThrows(NoSuchFileException.class, () -> storage.list("missing"));
    }

    @Test
    void shouldLockLocallyAgainstASecondHolder() throws Exception {
        LocalStorage storage = new LocalStorage(dir);
        StorageLock lock = storage.tryLock("s/.lock").orElseThrow();
        assertTrue(lock.exclusive());
        assertTrue(storage.tryLock("s/.lock").isEmpty(), "a second holder got the lock");
        lock.close();
        assertFalse(storage.exists("s/.lock"));
        StorageLock again = storage.tryLock("s/.lock").orElseThrow();
        again.release();
        assertTrue(storage.exists("s/.lock"), "release deleted the lock file");
    }

    @Test
    void shouldOpenPlainPathsAndFileUrisLocallyAndOtherSchemesThroughHadoop() throws Exception {
        assertInstanceOf(LocalStorage.class, DatasetStorage.open(dir.toString()));
        assertInstanceOf(LocalStorage.class, DatasetStorage.open(dir.toUri().toString()));
        assertEquals(dir.toUri(), DatasetStorage.open(dir.toUri().toString()).root());
        IOException e = assertThrows(IOException.class, () -> DatasetStorage.open("nosuchfs://bucket/data"));
        assertTrue(e.getMessage().contains("no Hadoop FileSystem for 'nosuchfs:' URIs"), e.getMessage());
    }

    @Test
    void shouldRefusePathsThatLeaveTheRoot() {
        LocalStorage storage = new LocalStorage(dir);
        assertThrows(IllegalArgumentException.class, () -> storage.resolve("../escape"));
    }
}
