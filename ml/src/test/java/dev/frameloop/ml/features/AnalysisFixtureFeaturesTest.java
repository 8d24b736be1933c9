package dev.frameloop.ml.features;

import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.ml.fixture.FixtureDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The features over the analysis notebooks' fixture dataset, whose frames and threads are known exactly. */
class AnalysisFixtureFeaturesTest {
    @TempDir
    Path dir;

    @Test
    void shouldMakeOneFrameRowPerGameFrameWithHistoryAndASuccessor() throws Exception {
        FixtureDataset.write(dir);
        Table frames = FeatureTables.frames(EventTables.openDataset(dir.toString()).session(FixtureDataset.MAIN));

        Table game = frames.where(frames.intColumn("pid").isEqualTo(FixtureDataset.GAME_PID));
        // intervals 1..N; a row for each interval from the FRAME_HISTORY-th on, except the last (no successor)
        assertEquals(FixtureDataset.GAME_INTERVALS - FeatureSet.FRAME_HISTORY, game.rowCount());
    }

    @Test
    void shouldLabelTheFixturesNamedThreadsByRoleRules() throws Exception {
        FixtureDataset.write(dir);
        Table threads = FeatureTables.threadRoles(EventTables.openDataset(dir.toString()).session(FixtureDataset.MAIN),
                RoleRules.DEFAULT);

        Table render = threads.where(threads.intColumn("tid").isEqualTo(FixtureDataset.RENDER_TID));
        assertEquals("RENDER", render.stringColumn("label").get(0));
        assertEquals("RENDER", render.stringColumn("heuristic").get(0));
        Table updatedb = threads.where(threads.intColumn("pid").isEqualTo(FixtureDataset.BACKGROUND_PID));
        assertEquals("", updatedb.stringColumn("label").get(0), "no rule names updatedb");
    }
}
