package dev.frameloop.collector.vm;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShareTest {
    @TempDir
    Path tmp;

    @Test
    void shouldShareTheWorkingDirectoryByDefault() throws IOException {
        assertEquals(List.of(new Share("fl_share0", tmp.toRealPath())), Share.plan(List.of(), tmp));
    }

    @Test
    void shouldResolveRelativeAndLinkedFoldersDropDuplicatesAndMountParentsFirst() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out/deep"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("out"));

        List<Share> shares = Share.plan(List.of(Path.of("out/deep"), link, Path.of("out"), tmp), tmp);

        assertEquals(List.of(tmp.toRealPath(), tmp.resolve("out").toRealPath(), out.toRealPath()),
                shares.stream().map(Share::hostPath).toList());
        assertEquals(List.of("fl_share0", "fl_share1", "fl_share2"), shares.stream().map(Share::tag).toList());
    }

    @Test
    void shouldRejectMissingFoldersAndTheRoot() {
        UserFacingException missing = assertThrows(UserFacingException.class, () -> Share.plan(List.of(Path.of("nope")), tmp));
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.getMessage().contains("--share nope"), missing.getMessage());

        UserFacingException root = assertThrows(UserFacingException.class, () -> Share.plan(List.of(Path.of("/")), tmp));
        assertTrue(root.getMessage().contains("read-only"), root.getMessage());
    }

    @Test
    void shouldQuoteTheGuestLine() {
        assertEquals("share 'fl_share0' '/tmp/it'\\''s here'\n", new Share("fl_share0", Path.of("/tmp/it's here")).guestLine());
    }
}
