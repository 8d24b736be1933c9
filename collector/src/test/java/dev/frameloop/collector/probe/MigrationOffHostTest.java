package dev.frameloop.collector.probe;

import dev.frameloop.collector.bpf.BpfProgram;
import dev.frameloop.collector.testing.HostRequirements;
import dev.frameloop.core.event.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * observe.bpf.o on this host's kernel, loaded for a session that does not record migrations: the migration
 * program is not loaded (nor attached), its source is "off", and the other probes load as before.
 */
class MigrationOffHostTest {
    @BeforeAll
    static void requireBpf() {
        HostRequirements.requireBpfPrivileges();
    }

    @Test
    void shouldLoadNoMigrationProgramWhenMigrationsAreNotRecorded() {
        Set<EventType> recorded = EnumSet.allOf(EventType.class);
        recorded.remove(EventType.MIGRATION);
        try (ProbeSet probes = ProbeSet.open(ProbeMode.OBSERVE, ProbeOptions.defaults().withRecordedTypes(recorded))) {
            BpfProgram migrate = probes.object().program("fl_migrate_btf");

            assertFalse(migrate.isLoaded(), "fl_migrate_btf loaded though migrations are not recorded");
            assertFalse(probes.attachedPrograms().contains("fl_migrate_btf"), probes.attachedPrograms().toString());
            assertEquals(ProbeSources.OFF, probes.sources().get(EventType.MIGRATION));
            assertTrue(probes.attachedPrograms().stream().anyMatch(p -> p.startsWith("fl_exec_")),
                    probes.attachedPrograms().toString());
        }
    }

    @Test
    void shouldAttachTheMigrationProgramWhenMigrationsAreRecorded() {
        try (ProbeSet probes = ProbeSet.open(ProbeMode.OBSERVE, ProbeOptions.defaults())) {
            assertTrue(probes.attachedPrograms().contains("fl_migrate_btf"), probes.attachedPrograms().toString());
            assertEquals("tp_btf:sched_migrate_task", probes.sources().get(EventType.MIGRATION));
        }
    }
}
