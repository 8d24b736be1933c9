package dev.frameloop.ml.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.frameloop.core.event.ThreadClass;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleRulesTest {

    @Test
    void shouldLabelEverySynthgameThreadByItsName() {
        assertEquals(Optional.of(ThreadClass.RENDER), RoleRules.DEFAULT.roleOf("render"));
        assertEquals(Optional.of(ThreadClass.INPUT), RoleRules.DEFAULT.roleOf("input"));
        assertEquals(Optional.of(ThreadClass.AUDIO), RoleRules.DEFAULT.roleOf("audio"));
        assertEquals(Optional.of(ThreadClass.GAME), RoleRules.DEFAULT.roleOf("asset-0"));
        assertEquals(Optional.of(ThreadClass.GAME), RoleRules.DEFAULT.roleOf("shader-1"));
        assertEquals(Optional.of(ThreadClass.BACKGROUND), RoleRules.DEFAULT.roleOf("stress-ng-cpu"));
    }

    @Test
    void shouldLeaveThreadsNoRuleNamesUnlabelled() {
        assertEquals(Optional.empty(), RoleRules.DEFAULT.roleOf("assets"));
        assertEquals(Optional.empty(), RoleRules.DEFAULT.roleOf("kworker/0:1"));
    }
}
