package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlFolderTest {
    @TempDir
    Path tmp;

    @Test
    void shouldHoldTheCommandAndSharesReadTheStatusAndVanishWhenClosed() throws IOException {
        GuestCommand command = new GuestCommand(List.of("true"), "/", Map.of());
        Path dir;
        try (ControlFolder folder = ControlFolder.create(command, List.of(new Share("fl_share0", Path.of("/srv/out"))), System.err)) {
            dir = folder.dir();
            assertEquals(command.script(), Files.readString(dir.resolve("command.sh")));
            assertTrue(Files.readString(dir.resolve("shares.sh")).contains("share 'fl_share0' '/srv/out'\n"));
            assertTrue(folder.status().isEmpty());

            Files.writeString(dir.resolve("status"), "7\n");
            assertEquals(7, folder.status().getAsInt());

            Files.writeString(dir.resolve("status"), "seven");
            assertThrows(IOException.class, folder::status);
        }
        assertFalse(Files.exists(dir));
    }

    @Test
    void shouldRemoveOnlyFoldersWhoseFrameloopIsGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path abandoned = folder("frameloop-vm-1", Long.toString(finished.pid()));
        Path running = folder("frameloop-vm-2", Long.toString(ProcessHandle.current().pid()));
        Path foreign = folder("frameloop-vm-3", null);
        Path unrelated = folder("other-1", Long.toString(finished.pid()));

        ControlFolder.removeAbandoned(tmp);

        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(running));
        assertTrue(Files.exists(foreign));
        assertTrue(Files.exists(unrelated));
    }

    private Path folder(String name, String ownerPid) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Files.writeString(dir.resolve("command.sh"), "exec true\n");
        if (ownerPid != null) {
            Files.writeString(dir.resolve("owner.pid"), ownerPid);
        }
        return dir;
    }
}
