package dev.frameloop.ml.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.ml.fixture.FixtureSessions;
import dev.frameloop.ml.train.ModelCard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class LoopCommandTest {
    @TempDir
    static Path shared;
    static Path model;
    /** A session where the scheduler's heuristic calls sg-audio (tid 103) background. */
    static Path blindSession;

    @TempDir
    Path dir;


    @BeforeAll
    static void trainOnFixtures() throws Exception {
        Path data = Files.createDirectories(shared.resolve("data"));
        List<String> ids = new FixtureSessions(31, 5).write(data, 3);
        blindSession = sessionDir(data, ids.get(1));
        model = shared.resolve("model");
        CliRun run = new CliRun("train", "--data", data.toString(), "--task", "thread-role", "--trainer", "cart",
                "--folds", "3", "--seed", "3", "--out", model.toString());
        assertEquals(0, run.exitCode, run.toString());
    }

    private static Path sessionDir(Path data, String id) throws Exception {
        try (Stream<Path> paths = Files.walk(data)) {
            return paths.filter(p -> p.getFileName().toString().equals("session=" + id)).findFirst().orElseThrow();
        }
    }

    @Test
    void shouldExplainLoopInHelp() {
        CliRun run = new CliRun("loop", "--help");

        assertEquals(0, run.exitCode);
        for (String option : List.of("--model", "--replay", "--dry-run", "--record", "--decisions", "--confidence-floor",
                "--hysteresis", "--ttl", "--max-writes", "--reorder", "--predict-budget", "--max-failures", "--map-capacity")) {
            assertTrue(run.out.toString().contains(option), option + " in\n" + run.out);
        }
        assertTrue(run.out.toString().contains("(default: 3s)"), run.out.toString());
    }

    @Test
    void shouldGiveTheThreadTheHeuristicMissesItsRoleFromTheModelAndTheSameDecisionsEachReplay() throws Exception {
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("second.txt");
        CliRun run = new CliRun("loop", "--model", model.toString(), "--replay", blindSession.toString(), "--decisions",
                first.toString());
        CliRun again = new CliRun("loop", "--model", model.toString(), "--replay", blindSession.toString(), "--decisions",
                second.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(0, again.exitCode, again.toString());
        List<String> decisions = Files.readAllLines(first);
        assertTrue(decisions.stream().anyMatch(l -> l.contains(" write tid=103 role=audio heuristic=background reason=new")),
                String.join("\n", decisions));
        assertEquals(decisions, Files.readAllLines(second));
        assertTrue(run.out.toString().contains("writer: "), run.toString());
        assertTrue(run.out.toString().contains("map at the end: "), run.toString());
    }

    @Test
    void shouldDecideTheSameInADryRunAndPrintToStdout() throws Exception {
        Path written = dir.resolve("written.txt");
        new CliRun("loop", "--model", model.toString(), "--replay", blindSession.toString(), "--decisions", written.toString());
        CliRun dry = new CliRun("loop", "--model", model.toString(), "--replay", blindSession.toString(), "--dry-run");

        assertEquals(0, dry.exitCode, dry.toString());
        String out = dry.out.toString();
        assertTrue(out.contains("dry run: no map written"), out);
        assertFalse(out.contains("writer: "), out);
        for (String line : Files.readAllLines(written)) {
            assertTrue(out.contains(line), line + " in\n" + out);
        }
    }

    @Test
    void shouldRefuseAModelOfAnotherFeatureSetVersionOrTask() throws Exception {
        Path oldVersion = copyWithCard(dir.resolve("old"), "feature_set_version", 0);
        Path otherTask = copyWithCard(dir.resolve("frame"), "task", "frame-miss");

        CliRun old = new CliRun("loop", "--model", oldVersion.toString(), "--replay", blindSession.toString());
        CliRun frame = new CliRun("loop", "--model", otherTask.toString(), "--replay", blindSession.toString());

        assertEquals(ExitCodes.USAGE, old.exitCode, old.toString());
        assertTrue(old.err.toString().contains("feature set version 0"), old.toString());
        assertEquals(ExitCodes.USAGE, frame.exitCode, frame.toString());
        assertTrue(frame.err.toString().contains("not a thread-role model"), frame.toString());
    }

    @Test
    void shouldRunLiveThroughSchedWhichNeedsSchedExtAndRefuseRecordWithReplay() {
        assumeFalse(Files.exists(Path.of("/sys/kernel/sched_ext")),
                "this kernel has sched_ext: the live loop is a VM test's job, not a host test's");
        CliRun live = new CliRun("loop", "--model", model.toString(), "--duration", "5s");
        CliRun both = new CliRun("loop", "--model", model.toString(), "--replay", blindSession.toString(), "--record",
                dir.toString());
        CliRun durationInReplay = new CliRun("loop", "--model", model.toString(), "--replay", blindSession.toString(),
                "--duration", "5s");
        CliRun pinInReplay = new CliRun("loop", "--model", model.toString(), "--replay", blindSession.toString(), "--pin");

        assertEquals(ExitCodes.USAGE, pinInReplay.exitCode, pinInReplay.toString());
        assertTrue(pinInReplay.err.toString().contains("--pin are for the live loop"), pinInReplay.toString());
        assertEquals(ExitCodes.UNAVAILABLE, live.exitCode, live.toString());
        assertTrue(live.err.toString().contains("this kernel has no sched_ext"), live.toString());
        assertEquals(ExitCodes.USAGE, both.exitCode, both.toString());
        assertEquals(ExitCodes.USAGE, durationInReplay.exitCode, durationInReplay.toString());
    }

    private static Path copyWithCard(Path target, String field, Object value) throws Exception {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(model)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = (ObjectNode) json.readTree(target.resolve(ModelCard.JSON).toFile());
        if (value instanceof Integer i) {
            card.put(field, i);
        } else {
            card.put(field, value.toString());
        }
        json.writeValue(target.resolve(ModelCard.JSON).toFile(), card);
        return target;
    }
}
