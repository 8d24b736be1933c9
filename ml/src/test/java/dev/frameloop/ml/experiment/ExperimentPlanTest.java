package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExperimentPlanTest {
    @Test
    void shouldInterleaveArmsRepeatByRepeat() {
        ExperimentPlan plan = new ExperimentPlan(new Workload.Synthgame(List.of()), Arm.parseList("default,gamer,gamer+model"),
                BackgroundSpec.NONE, Duration.ofSeconds(5), 2, 1);

        List<PlannedRun> runs = plan.runs();

        assertEquals(List.of("default", "gamer", "gamer+model", "default", "gamer", "gamer+model"),
                runs.stream().map(r -> r.arm().name()).toList());
        assertEquals(List.of(0, 0, 0, 1, 1, 1), runs.stream().map(PlannedRun::repeat).toList());
        assertEquals(List.of("00-default-r0", "01-gamer-r0", "02-gamer_model-r0", "03-default-r1", "04-gamer-r1", "05-gamer_model-r1"),
                runs.stream().map(PlannedRun::folderName).toList());
        assertEquals("default", plan.baseline().name());
    }

    @Test
    void shouldParseArmsWithAModelFolder() {
        List<Arm> arms = Arm.parseList("gamer, gamer+model=models/m1");

        assertEquals(List.of(new Arm(Arm.Kind.GAMER, Optional.empty()), new Arm(Arm.Kind.GAMER_MODEL, Optional.of(Path.of("models/m1")))), arms);
        assertEquals("gamer+model=models/m1", arms.get(1).toString());
    }

    @Test
    void shouldRejectBadArmsAndPlans() {
        assertThrows(IllegalArgumentException.class, () -> Arm.parseList("default,fast"));
        assertThrows(IllegalArgumentException.class, () -> Arm.parseList("gamer,gamer"));
        assertThrows(IllegalArgumentException.class, () -> Arm.parseList("gamer=dir"));
        assertThrows(IllegalArgumentException.class, () -> new ExperimentPlan(new Workload.Synthgame(List.of()),
                Arm.parseList("default"), BackgroundSpec.NONE, Duration.ofSeconds(5), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ExperimentPlan(new Workload.Synthgame(List.of()),
                Arm.parseList("default"), BackgroundSpec.NONE, Duration.ZERO, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Workload.Command(List.of()));
    }
}
