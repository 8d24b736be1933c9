package dev.frameloop.ml.loop;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.ProcessAction;
import dev.frameloop.core.event.ProcessEvent;
import dev.frameloop.core.event.ProcessSource;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.policy.BoostPolicy;
import dev.frameloop.core.policy.InMemoryPolicyWriter;
import dev.frameloop.core.policy.PolicyWriter;
import dev.frameloop.ml.features.SessionEvents;
import dev.frameloop.ml.fixture.FixtureSessions;
import dev.frameloop.ml.fixture.WireRecordEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClosedLoopTest {
    private static final long TTL = PolicySettings.DEFAULT.ttlNs();
    private static final RoleModel ALL_AUDIO = f -> new RolePrediction(ThreadClass.AUDIO, 0.95);

    @TempDir
    static Path data;
    static List<Record> events;

    @BeforeAll
    static void recordSession() throws Exception {
        new FixtureSessions(5, 6).write(data, 1);
        Dataset dataset = EventTables.openDataset(data.toString());
        SessionReader session = dataset.session(dataset.sessions().get(0));
        events = SessionEvents.read(session, Set.of());
    }

    private record Run(ClosedLoop loop, List<PolicyDecision> decisions) {
        List<String> lines() {
            return decisions.stream().map(PolicyDecision::line).toList();
        }
    }

    private static Run replay(RoleModel model, PolicyWriter writer, List<Record> input) {
        List<PolicyDecision> decisions = new ArrayList<>();
        ClosedLoop loop = new ClosedLoop(new SafePredictor(model, System::nanoTime, 60_000_000_000L, 5),
                new RolePolicy(PolicySettings.DEFAULT), writer, decisions::add, null, 0);
        for (Record event : input) {
            loop.accept(event);
        }
        loop.finish();
        return new Run(loop, decisions);
    }

    @Test
    void shouldGiveTheSameDecisionsForTheSameSessionAndModel() {
        Run first = replay(ALL_AUDIO, new InMemoryPolicyWriter(4096), events);
        Run second = replay(ALL_AUDIO, new InMemoryPolicyWriter(4096), events);

        assertFalse(first.decisions().isEmpty());
        assertEquals(first.lines(), second.lines());
    }

    @Test
    void shouldDecideFromRingRecordsAsFromRecordedOnes() {
        List<PolicyDecision> decisions = new ArrayList<>();
        ClosedLoop loop = new ClosedLoop(new SafePredictor(ALL_AUDIO, System::nanoTime, 60_000_000_000L, 5),
                new RolePolicy(PolicySettings.DEFAULT), new InMemoryPolicyWriter(4096), decisions::add, null, 0);
        for (Record event : events) {
            EventType type = OnlineFeaturesTest.typeOf(event);
            loop.onEvent(0, WireRecordEncoder.encode(event), 0, type.size());
        }
        loop.finish();

        assertEquals(replay(ALL_AUDIO, new InMemoryPolicyWriter(4096), events).lines(),
                decisions.stream().map(PolicyDecision::line).toList());
    }

    @Test
    void shouldWriteEntriesThatExpireOnTheirOwnWithinTheTtl() {
        InMemoryPolicyWriter writer = new InMemoryPolicyWriter(4096);
        Run run = replay(ALL_AUDIO, writer, events);

        long lastEventNs = run.loop().features().lastTimestampNs();
        assertFalse(writer.entries().isEmpty());
        for (BoostPolicy entry : writer.entries().values()) {
            assertEquals(ThreadClass.AUDIO, entry.role());
            assertEquals(TTL, entry.expiryNs() - entry.entryTimestampNs(), "tid " + entry.tid());
            assertTrue(entry.expiryNs() <= lastEventNs + TTL, "tid " + entry.tid() + " outlives the loop by more than the TTL");
        }
        assertEquals(run.loop().writes(), writer.counts().written());
        assertTrue(run.decisions().stream().anyMatch(d -> d.reason().equals("refresh")), run.lines().toString());
    }

    @Test
    void shouldDecideTheSameInADryRunWithoutWriting() {
        Run dry = replay(ALL_AUDIO, null, events);

        assertEquals(replay(ALL_AUDIO, new InMemoryPolicyWriter(4096), events).lines(), dry.lines());
        assertTrue(dry.loop().report().stream().noneMatch(l -> l.startsWith("writer:")));
    }

    @Test
    void shouldCountWritesRefusedByAFullMapAndKeepGoing() {
        InMemoryPolicyWriter writer = new InMemoryPolicyWriter(3);
        Run run = replay(ALL_AUDIO, writer, events);

        assertEquals(3, writer.entries().size());
        assertTrue(writer.counts().mapFull() > 0, writer.counts().describe());
        assertEquals(writer.counts().mapFull(), run.loop().writeFailures());
        assertEquals(replay(ALL_AUDIO, new InMemoryPolicyWriter(4096), events).loop().windows(), run.loop().windows(),
                "every window still predicted");
    }

    @Test
    void shouldCountAnUnknownTidAndWriteTheOthers() {
        InMemoryPolicyWriter writer = new InMemoryPolicyWriter(4096, tid -> tid != 301);
        Run run = replay(ALL_AUDIO, writer, events);

        assertTrue(writer.counts().unknownTid() > 0, writer.counts().describe());
        assertFalse(writer.entries().containsKey(301));
        assertTrue(writer.entries().containsKey(302));
        assertTrue(run.decisions().stream().noneMatch(d -> d.tid() == 301), "refused writes are not logged as done");
    }

    @Test
    void shouldDeleteTheEntryOfAThreadThatExits() {
        OnlineFeatures clock = new OnlineFeatures(List.of(new dev.frameloop.ml.features.ThreadRoleWindows(r -> { })));
        events.forEach(clock::accept);
        long lastNs = clock.lastTimestampNs();
        List<Record> withExit = new ArrayList<>(events);
        withExit.add(new ProcessEvent(0, lastNs + 1, 100, 104, 1, 0, ProcessAction.EXIT, true,
                ProcessSource.values()[0], false, new byte[16], new byte[0]));
        InMemoryPolicyWriter writer = new InMemoryPolicyWriter(4096);
        Run run = replay(ALL_AUDIO, writer, withExit);

        assertTrue(run.decisions().stream().anyMatch(d -> d.tid() == 104 && d.reason().equals("exited")
                && d.action() == PolicyDecision.Action.DELETE), run.lines().toString());
        assertFalse(writer.entries().containsKey(104));
        assertTrue(writer.entries().containsKey(105));
    }

    @Test
    void shouldSwitchOffAThrowingModelAndWriteNothing() {
        InMemoryPolicyWriter writer = new InMemoryPolicyWriter(4096);
        Run run = replay(f -> {
            throw new ArithmeticException("model bug");
        }, writer, events);

        assertTrue(run.loop().windows() > 5);
        assertEquals(5, run.loop().predictor().errors());
        assertTrue(run.loop().predictor().disabled());
        assertTrue(writer.entries().isEmpty());
        assertTrue(run.loop().report().get(1).contains("SWITCHED OFF"), run.loop().report().toString());
    }

    @Test
    void shouldWriteNothingForNaNAnswers() {
        InMemoryPolicyWriter writer = new InMemoryPolicyWriter(4096);
        Run run = replay(f -> new RolePrediction(ThreadClass.RENDER, Double.NaN), writer, events);

        assertEquals(5, run.loop().predictor().invalid());
        assertEquals(0, writer.counts().written());
    }
}
