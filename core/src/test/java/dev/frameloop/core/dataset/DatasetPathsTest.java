package dev.frameloop.core.dataset;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetPathsTest {
    private final SessionId id = SessionId.parse("20260114T153012.345Z-3f9a0c");

    @Test
    void shouldNameFoldersTheHiveWay() {
        assertEquals("session=20260114T153012.345Z-3f9a0c/event=frame_timing", DatasetPaths.tableDir(id, "frame_timing"));
        assertEquals("session=20260114T153012.345Z-3f9a0c/manifest.json", DatasetPaths.manifest(id));
        assertEquals(Optional.of(id), DatasetPaths.sessionOf("session=20260114T153012.345Z-3f9a0c"));
        assertEquals(Optional.of("input"), DatasetPaths.tableOf("event=input"));
        assertEquals(Optional.empty(), DatasetPaths.tableOf("_incomplete"));
    }

    @Test
    void shouldHideTemporaryNamesFromHiveReaders() {
        String temp = DatasetPaths.tempPartName(7);
        assertEquals(".part-00007.parquet.inprogress", temp);
        assertTrue(temp.startsWith("."));
        assertFalse(temp.endsWith(".parquet"));
        assertEquals(Optional.of(7), DatasetPaths.tempPartIndex(temp));
        assertEquals(Optional.empty(), DatasetPaths.partIndex(temp));
        assertEquals(Optional.of(7), DatasetPaths.partIndex(DatasetPaths.partName(7)));
        assertEquals(Optional.empty(), DatasetPaths.tempPartIndex(DatasetPaths.partName(7)));
    }

    @Test
    void shouldRefuseTableNamesThatAreNotSafeFolderNames() {
        for (String bad : new String[] {"", "Frame", "a/b", "../x", "a=b", "1st"}) {
            assertThrows(IllegalArgumentException.class, () -> DatasetPaths.checkTableName(bad), bad);
        }
    }
}
