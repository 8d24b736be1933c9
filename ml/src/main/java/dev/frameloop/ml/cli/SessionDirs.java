package dev.frameloop.ml.cli;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.DatasetPaths;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.events.EventTables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sessions that {@code --data DIR…} names: each DIR is a dataset folder (every session in it)
 * or one {@code session=<id>} folder. Sessions come back ordered by id, each once.
 */
final class SessionDirs {
    private SessionDirs() {
    }

    static List<SessionReader> open(List<Path> dirs) {
        Map<String, SessionReader> byId = new TreeMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new UserFacingException(ExitCodes.USAGE, "--data " + dir + " does not exist or is not a folder;"
                        + " give the --out folder of frameloop record (or one session=<id> folder in it)");
            }
            String name = dir.toAbsolutePath().normalize().getFileName().toString();
            try {
                var session = DatasetPaths.sessionOf(name);
                if (session.isPresent()) {
                    Dataset dataset = EventTables.openDataset(dir.toAbsolutePath().normalize().getParent().toString());
                    byId.put(session.get().toString(), dataset.session(session.get()));
                    continue;
                }
                Dataset dataset = EventTables.openDataset(dir.toString());
                List<SessionId> ids = dataset.sessions();
                if (ids.isEmpty()) {
                    throw new UserFacingException(ExitCodes.USAGE, "--data " + dir + " holds no sessions (no "
                            + "session=<id> folders); record some with frameloop record --out " + dir);
                }
                for (SessionId id : ids) {
                    byId.put(id.toString(), dataset.session(id));
                }
            } catch (IOException e) {
                throw new UserFacingException(ExitCodes.IO_ERROR, "cannot read --data " + dir + ": " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** Paths given twice count once. */
    static List<Path> distinct(List<Path> dirs) {
        Set<Path> seen = new LinkedHashSet<>();
        for (Path dir : dirs) {
            seen.add(dir.toAbsolutePath().normalize());
        }
        return new ArrayList<>(seen);
    }
}
