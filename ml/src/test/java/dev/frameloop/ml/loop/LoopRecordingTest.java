package dev.frameloop.ml.loop;

import dev.frameloop.core.dataset.Dataset;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.SessionInfo;
import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.core.dataset.SessionSummary;
import dev.frameloop.core.dataset.SessionWriter;
import dev.frameloop.core.dataset.SessionWriterOptions;
import dev.frameloop.core.dataset.events.EventRecords;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.dataset.storage.LocalStorage;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.PolicyAction;
import dev.frameloop.core.event.PolicyDecisionEvent;
import dev.frameloop.core.event.PolicyReason;
import dev.frameloop.core.event.TaskStatsEvent;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.policy.InMemoryPolicyWriter;
import dev.frameloop.core.policy.PolicyWriter;
import dev.frameloop.ml.features.SessionEvents;
import dev.frameloop.ml.fixture.FixtureSessions;
import dev.frameloop.ml.fixture.WireRecordEncoder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code loop --record}'s path without a kernel: the wire records of a fixture session go through the closed loop
 * and the recording as they would from gamer's rings; the recorded session holds every record and one
 * {@code policy_decision} row per decision, equal to the decision log.
 */
class LoopRecordingTest {
    private static final RoleModel ALL_AUDIO = f -> new RolePrediction(ThreadClass.AUDIO, 0.95);

    @TempDir
    static Path fixture;
    static List<Record> events;

    @TempDir
    Path out;

    @BeforeAll
    static void fixtureSession() throws Exception {
        new FixtureSessions(11, 6).write(fixture, 1);
        Dataset dataset = EventTables.openDataset(fixture.toString());
        events = SessionEvents.read(dataset.session(dataset.sessions().get(0)), Set.of());
    }

    private record Recorded(List<PolicyDecision> decisions, SessionSummary summary, SessionReader session,
                            ClosedLoop loop) {
    }

    private Recorded runLive(PolicyWriter writer, boolean dryRun) throws Exception {
        SessionId id = SessionId.startingAt(Instant.parse("2026-03-01T12:00:00Z"));
        LocalStorage storage = new LocalStorage(out);
        SessionWriter session = SessionWriter.create(storage, id, new SessionInfo("h", "k", "scheduler", "", Map.of()),
                SessionWriterOptions.DEFAULT, Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
        AtomicLong clock = new AtomicLong();
        LoopRecording recording = new LoopRecording(session, dryRun, clock::get);
        List<PolicyDecision> decisions = new ArrayList<>();
        ClosedLoop loop = new ClosedLoop(new SafePredictor(ALL_AUDIO, System::nanoTime, 60_000_000_000L, 5),
                new RolePolicy(PolicySettings.DEFAULT), writer, d -> {
                    decisions.add(d);
                    recording.onDecision(d);
                }, null, 0);
        for (Record event : events) {
            EventType type = OnlineFeaturesTest.typeOf(event);
            clock.addAndGet(50_000_000L);
            recording.onEvent(0, WireRecordEncoder.encode(event), 0, type.size());
            loop.onEvent(0, WireRecordEncoder.encode(event), 0, type.size());
        }
        SessionSummary summary = recording.finish("done");
        return new Recorded(decisions, summary, new Dataset(storage, EventTables.catalog()).session(id), loop);
    }

    @Test
    void shouldRecordEveryRingRecordAndEachDecisionAsItsOwnEvent() throws Exception {
        Recorded r = runLive(new InMemoryPolicyWriter(4096), false);

        assertTrue(r.summary().isClean(), r.summary().toString());
        assertFalse(r.decisions().isEmpty());
        long taskStats = events.stream().filter(e -> e instanceof TaskStatsEvent).count();
        assertEquals(taskStats, r.session().count("task_stats"));
        assertEquals(r.decisions().size(), r.session().count("policy_decision"));
        assertEquals(r.decisions().size(), r.summary().manifest().events().get("policy_decision").written());

        Map<Integer, Integer> pidOfTid = new HashMap<>();
        events.stream().filter(e -> e instanceof TaskStatsEvent).map(e -> (TaskStatsEvent) e)
                .forEach(e -> pidOfTid.put(e.tid(), e.pid()));
        List<PolicyDecisionEvent> rows = EventRecords.read(r.session(), PolicyDecisionEvent.class);
        for (int i = 0; i < rows.size(); i++) {
            PolicyDecision d = r.decisions().get(i);
            PolicyDecisionEvent row = rows.get(i);
            assertEquals(d.timeNs(), row.timestampNs());
            assertEquals(d.tid(), row.tid());
            assertEquals(pidOfTid.get(d.tid()), row.pid(), "the process of thread " + d.tid());
            assertEquals(d.action() == PolicyDecision.Action.WRITE ? PolicyAction.WRITE : PolicyAction.DELETE, row.action());
            assertEquals(d.role(), row.role());
            assertEquals(d.heuristic(), row.heuristic());
            assertEquals(PolicyReason.valueOf(d.reason().toUpperCase(Locale.ROOT)), row.reason());
            assertFalse(row.dryRun());
            if (d.action() == PolicyDecision.Action.WRITE) {
                assertEquals(d.policy().expiryNs(), row.expiryNs());
                assertEquals(950_000, row.confidencePpm());
            } else {
                assertEquals(0, row.expiryNs());
            }
        }
        GenericRecord first = r.session().readAll("policy_decision").get(0);
        assertEquals("WRITE", first.get("action").toString());
        assertEquals("NEW", first.get("reason").toString());
    }

    @Test
    void shouldRecordTheSameDecisionsInADryRunMarkedAsSuchWithoutAMap() throws Exception {
        List<PolicyDecision> written = runLive(new InMemoryPolicyWriter(4096), false).decisions();
        out = out.resolve("dry");
        Recorded dry = runLive(null, true);

        assertEquals(written.stream().map(PolicyDecision::line).toList(),
                dry.decisions().stream().map(PolicyDecision::line).toList());
        List<PolicyDecisionEvent> rows = EventRecords.read(dry.session(), PolicyDecisionEvent.class);
        assertEquals(written.size(), rows.size());
        assertTrue(rows.stream().allMatch(PolicyDecisionEvent::dryRun));
        assertTrue(dry.loop().report().stream().noneMatch(l -> l.startsWith("writer:")));
    }
}
