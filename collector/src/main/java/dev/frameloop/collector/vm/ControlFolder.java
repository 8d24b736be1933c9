package dev.frameloop.collector.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The per-run host folder the guest mounts read-write at {@code /run/frameloop}: the host writes
 * {@code command.sh} and {@code shares.sh} into it, the guest writes {@code status} (the command's exit
 * status). The sockets of the output ports live here too. Deleted when closed.
 */
final class ControlFolder implements AutoCloseable {
    private final Path dir;

    private ControlFolder(Path dir) {
        this.dir = dir;
    }

    static ControlFolder create(GuestCommand command, List<Share> shares) throws IOException {
        ControlFolder folder = new ControlFolder(Files.createTempDirectory("frameloop-vm-"));
        try {
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
        Folders.deleteRecursively(dir);
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
