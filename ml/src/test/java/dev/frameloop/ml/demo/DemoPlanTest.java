package dev.frameloop.ml.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoPlanTest {
    private static final Path OUT = Path.of("/data/demo");

    @Test
    void shouldRunEveryStepButDoctorAndReportInOneGuestWhereTheHostHasNoSchedExt() {
        DemoPlan plan = DemoPlan.of(DemoSettings.standard(OUT), EnumSet.allOf(DemoStep.class), false);

        List<DemoPlan.Stage> stages = plan.stages();

        assertEquals(3, stages.size(), stages.toString());
        assertEquals(new DemoPlan.Stage(false, List.of(DemoStep.DOCTOR)), stages.get(0));
        assertEquals(new DemoPlan.Stage(true, List.of(DemoStep.RECORD, DemoStep.TRAIN_ROLES, DemoStep.TRAIN_FRAMES,
                DemoStep.EXPERIMENT)), stages.get(1));
        assertEquals(new DemoPlan.Stage(false, List.of(DemoStep.REPORT)), stages.get(2));
        assertEquals(List.of("demo", "--out", "/data/demo", "--steps", "record,train-roles,train-frames,experiment",
                "--sessions", "2", "--session-duration", "15s", "--duration", "6s", "--repeats", "1",
                "--background", "cpu:1", "--seed", "1"), plan.inGuest(stages.get(1)));
        List<String> vm = plan.vm(stages.get(1));
        assertEquals(List.of("vm", "--share", "/data/demo", "--timeout"), vm.subList(0, 4));
        assertEquals("--", vm.get(vm.size() - 1));
    }

    @Test
    void shouldRunEverythingHereWhereTheHostHasSchedExt() {
        DemoPlan plan = DemoPlan.of(DemoSettings.quick(OUT), EnumSet.allOf(DemoStep.class), true);

        assertEquals(List.of(new DemoPlan.Stage(false, List.of(DemoStep.values()))), plan.stages());
    }

    @Test
    void shouldTrainOnTheHostWhenNoGuestStepFollows() {
        DemoPlan plan = DemoPlan.of(DemoSettings.quick(OUT), EnumSet.of(DemoStep.RECORD, DemoStep.TRAIN_ROLES), false);

        assertEquals(List.of(new DemoPlan.Stage(true, List.of(DemoStep.RECORD)),
                new DemoPlan.Stage(false, List.of(DemoStep.TRAIN_ROLES))), plan.stages());
    }

    @Test
    void shouldRunTheThreeArmsWithTheModelTheTrainStepWrites() {
        DemoPlan plan = DemoPlan.of(DemoSettings.quick(OUT), EnumSet.allOf(DemoStep.class), false);

        assertEquals(List.of("train", "--task", "thread-role", "--data", "/data/demo/sessions", "--folds", "2", "--seed", "1",
                "--out", "/data/demo/models/thread-role"), plan.trainRoles());
        assertEquals("frame-miss", plan.trainFrames().get(2));
        assertEquals(List.of("experiment", "--arms", "default,gamer,gamer+model=/data/demo/models/thread-role",
                "--background", "cpu:1", "--duration", "3s", "--repeats", "1", "--seed", "1",
                "--out", "/data/demo/experiment"), plan.experiment());
        assertFalse(plan.experiment().contains("--vm"), "the experiment runs where the demo's guest stage runs");
    }

    @Test
    void shouldRecordWithTheSchedulerForTheSessionAndSeedEachSession() {
        DemoPlan plan = DemoPlan.of(DemoSettings.standard(OUT), EnumSet.of(DemoStep.RECORD), true);

        assertEquals(List.of("record", "--mode", "scheduler", "--game-comm", "synthgame",
                "--frame-hook", "/bin/synthgame:synthgame_present",
                "--progress-every", "5s", "--out", "/data/demo/sessions"), plan.record(Path.of("/bin/synthgame")));
        assertEquals(List.of("/bin/synthgame", "--out", "/data/demo/record/session-2/ground-truth", "--duration", "15.0",
                "--seed", "2"), plan.synthgame(Path.of("/bin/synthgame"), 1));
    }

    @Test
    void shouldNumberStepsTheSameWhicheverAreSelected() {
        assertEquals(5, DemoPlan.number(DemoStep.EXPERIMENT));
        assertEquals(6, DemoPlan.total());
        assertEquals(List.of(DemoStep.TRAIN_ROLES, DemoStep.EXPERIMENT),
                List.copyOf(DemoStep.parseList("experiment, train-roles")));
    }

    @Test
    void shouldRefuseWhatCannotMakeADemo() {
        IllegalArgumentException step = assertThrows(IllegalArgumentException.class, () -> DemoStep.parseList("record,fly"));
        assertTrue(step.getMessage().contains("doctor,record,train-roles,train-frames,experiment,report"), step.getMessage());
        DemoSettings quick = DemoSettings.quick(OUT);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> new DemoSettings(OUT, 1,
                quick.sessionDuration(), quick.runDuration(), 1, quick.background(), 1));
        assertTrue(one.getMessage().contains("at least 2"), one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DemoSettings.quick(Path.of("relative")));
    }
}
