package dev.frameloop.collector.probe;

import dev.frameloop.core.event.FrameSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameHookTest {

    @Test
    void shouldParseAnApplicationsPresentFunctionAsAPathAndAFunction() {
        FrameHook hook = FrameHook.parse("ml/target/workloads/synthgame:synthgame_present");
        assertEquals(new FrameHook("ml/target/workloads/synthgame", "synthgame_present", FrameSource.APP_PRESENT, 0), hook);
        assertFalse(hook.isLibraryName());
        assertEquals("uprobe:synthgame_present@synthgame", hook.label());
    }

    @Test
    void shouldRefuseASpecWithoutAPathOrAFunction() {
        for (String bad : List.of("synthgame_present", "/opt/game:", ":present", "game:present")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameHook.parse(bad), bad);
            assertTrue(e.getMessage().contains("--frame-hook"), e.getMessage());
        }
    }

    @Test
    void shouldPutTheSourceInTheCookiesLowByteAndTheHandleArgumentInTheNext() {
        FrameHook putImage = FrameHook.DEFAULTS.stream().filter(h -> h.function().equals("xcb_put_image")).findFirst().orElseThrow();
        assertEquals(FrameSource.XCB_PUT_IMAGE.code() | 3 << 8, putImage.cookie());
        assertTrue(putImage.isLibraryName());
        assertEquals(FrameSource.APP_PRESENT.code(), FrameHook.parse("/opt/g:present").cookie());
    }

    @Test
    void shouldListEveryMappedFileOnceAndLeaveOutDeletedOnes() {
        String maps = String.join("\n",
                "55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 1234 /opt/game/bin/game",
                "7f00a0000000-7f00a0010000 r--p 00000000 08:01 99 /usr/lib/x86_64-linux-gnu/libxcb.so.1.1.0",
                "7f00a0010000-7f00a0020000 r-xp 00010000 08:01 99 /usr/lib/x86_64-linux-gnu/libxcb.so.1.1.0",
                "7f00a0030000-7f00a0040000 r-xp 00000000 08:01 77 /tmp/old lib.so (deleted)",
                "7f00a0050000-7f00a0060000 rw-p 00000000 00:00 0 [heap]",
                "7f00a0070000-7f00a0080000 rw-p 00000000 00:00 0");
        assertEquals(Set.of("/opt/game/bin/game", "/usr/lib/x86_64-linux-gnu/libxcb.so.1.1.0"), ProcMaps.mappedFiles(maps));
        assertEquals(List.of("/opt/game/bin/game", "/usr/lib/x86_64-linux-gnu/libxcb.so.1.1.0"), List.copyOf(ProcMaps.mappedFiles(maps)));
    }
}
