package dev.frameloop.collector.vm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The per-run host folder the guest mounts read-write at {@code /run/frameloop}: the host writes
 * {@code command.sh} and {@code shares.sh} into it, the guest writes {@code status} (the command's exit
 * status). The sockets of the output ports live here too. Deleted when closed, or by a shutdown hook when
 * frameloop is interrupted; folders left by a frameloop that was killed outright are removed by the next run.
 */
final class ControlFolder implements AutoCloseable {
    static final String PREFIX = "frameloop-vm-";
    private static final String OWNER = "owner.pid";
    private final Path dir;
    private final Thread shutdownHook;

    private ControlFolder(Path dir, PrintStream messages) {
        this.dir = dir;
        this.shutdownHook = new Thread(() -> {
            try {
                Folders.deleteRecursively(dir);
            } catch (IOException e) {
                messages.println("frameloop vm: could not remove " + dir + ": " + e.getMessage());
            }
        }, "frameloop-vm-remove-control-folder");
    }

    static ControlFolder create(GuestCommand command, List<Share> shares, PrintStream messages) throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        removeAbandoned(temp);
        ControlFolder folder = new ControlFolder(Files.createTempDirectory(temp, PREFIX), messages);
        Runtime.getRuntime().addShutdownHook(folder.shutdownHook);
        try {
            Files.writeString(folder.dir.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            Files.writeString(folder.dir.resolve("command.sh"), command.script());
            StringBuilder lines = new StringBuilder("# written by frameloop vm: the read-write shares, parents first\n");
            shares.forEach(s -> lines.append(s.guestLine()));
            Files.writeString(folder.dir.resolve("shares.sh"), lines);
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
        return folder;
    }

    /** Deletes control folders whose frameloop process is gone (it was killed before it could clean up). */
    static void removeAbandoned(Path temp) throws IOException {
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(temp, PREFIX + "*")) {
            for (Path candidate : candidates) {
                Path owner = candidate.resolve(OWNER);
                if (!Files.isRegularFile(owner)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(owner).strip());
                } catch (NumberFormatException | IOException e) {
                    continue; // not a folder this code wrote, or another user's: leave it alone
                }
                if (ProcessHandle.of(pid).isEmpty()) {
                    try {
                        Folders.deleteRecursively(candidate);
                    } catch (IOException e) {
                        // another user's folder, or one its owner is deleting right now: not ours to insist on
                    }
                }
            }
        }
    }

    Path dir() {
        return dir;
    }

    Path stdoutSocket() {
        return dir.resolve("out.sock");
    }

    Path stderrSocket() {
        return dir.resolve("err.sock");
    }

    /** The exit status the guest wrote, empty when it wrote none. */
    OptionalInt status() throws IOException {
        Path status = dir.resolve("status");
        if (!Files.isRegularFile(status)) {
            return OptionalInt.empty();
        }
        String text = Files.readString(status).strip();
        try {
            return OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IOException("the guest wrote an exit status that is not a number: '" + text + "'", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook removes the folder
            return;
        }
        Folders.deleteRecursively(dir);
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
