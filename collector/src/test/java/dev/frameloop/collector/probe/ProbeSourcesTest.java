package dev.frameloop.collector.probe;

import dev.frameloop.core.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeSourcesTest {
    private static ProbeHook attached(ProbeChain chain, int index, String... passed) {
        return new ProbeHook(chain, Optional.of(chain.candidates().get(index)), List.of(passed));
    }

    @Test
    void shouldNameTheAttachedHooksOfEachTypeAndWhyTheOthersAreMissing() {
        Map<EventType, String> sources = ProbeSources.of(ProbeMode.OBSERVE, List.of(
                attached(ProbeCatalog.EXEC, 1, "lsm:bprm_committed_creds: EPERM"),
                new ProbeHook(ProbeCatalog.EXIT, Optional.empty(), List.of("lsm:task_free: EPERM", "tp_btf:sched_process_exit: gone"))));

        assertEquals("tp_btf:sched_process_exec (no exit: lsm:task_free: EPERM; tp_btf:sched_process_exit: gone)",
                sources.get(EventType.PROCESS));
        assertTrue(sources.get(EventType.THREAD_CLASS).startsWith("unavailable: written by the gamer scheduler"),
                sources.get(EventType.THREAD_CLASS));
        assertTrue(sources.get(EventType.POLICY_DECISION).contains("written by frameloop loop"),
                sources.get(EventType.POLICY_DECISION));
        assertEquals(EventType.values().length, sources.size());
    }

    @Test
    void shouldSayUnavailableWithEveryReasonWhenNoHookOfATypeAttached() {
        Map<EventType, String> sources = ProbeSources.of(ProbeMode.OBSERVE, List.of(
                new ProbeHook(ProbeCatalog.EXEC, Optional.empty(), List.of("a: x")),
                new ProbeHook(ProbeCatalog.EXIT, Optional.empty(), List.of("b: y"))));

        assertEquals("unavailable: exec: a: x; exit: b: y", sources.get(EventType.PROCESS));
    }

    @Test
    void shouldNameTheSchedulerForItsStreamsInSchedulerMode() {
        Map<EventType, String> sources = ProbeSources.of(ProbeMode.SCHEDULER, List.of(
                attached(ProbeCatalog.EXEC, 0), attached(ProbeCatalog.EXIT, 0)));

        assertEquals("lsm:bprm_committed_creds, lsm:task_free", sources.get(EventType.PROCESS));
        assertEquals(ProbeSources.SCHEDULER, sources.get(EventType.DEADLINE_MISS));
    }

    @Test
    void shouldSayOffForAStreamTheSessionDoesNotRecordInEitherMode() {
        for (ProbeMode mode : ProbeMode.values()) {
            Map<EventType, String> sources = ProbeSources.of(mode, List.of(attached(ProbeCatalog.EXEC, 1)),
                    Set.of(EventType.MIGRATION));

            assertEquals(ProbeSources.OFF, sources.get(EventType.MIGRATION), mode.name());
            assertEquals("tp_btf:sched_process_exec", sources.get(EventType.PROCESS), mode.name());
        }
    }

    @Test
    void shouldTurnOffOnlyTheStreamsThatExistForTheirOwnEvents() {
        ProbeOptions options = ProbeOptions.defaults().withRecordedTypes(Set.of(EventType.PROCESS));

        assertEquals(Set.of(EventType.MIGRATION), options.streamsOff());
        assertEquals(Set.of(), ProbeOptions.defaults().streamsOff());
    }
}
