package dev.frameloop.core.dataset;

import dev.frameloop.core.testing.MachineRequirements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * A tmpfs of a given size mounted on a fresh folder, for disk-full tests. Needs root (and the
 * right to mount): when missing, the test fails under {@code CI=true} and is skipped otherwise,
 * with a message saying what is missing.
 */
final class SmallFileSystem implements AutoCloseable {
    private final Path mountPoint;

    private SmallFileSystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static SmallFileSystem mount(Path parent, String size) throws IOException, InterruptedException {
        Path mountPoint = Files.createDirectory(parent.resolve("tmpfs-" + size));
        String user = System.getProperty("user.name");
        requireOrSkip("root".equals(user), "mounting a tmpfs needs root (running as " + user + ")");
        Result result = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "frameloop-test", mountPoint.toString()));
        requireOrSkip(result.exitCode == 0, "mount -t tmpfs failed (exit " + result.exitCode + "): " + result.output);
        return new SmallFileSystem(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Result result = run(List.of("umount", mountPoint.toString()));
        if (result.exitCode != 0) {
            throw new IOException("umount " + mountPoint + " failed (exit " + result.exitCode + "): " + result.output);
        }
    }

    private static void requireOrSkip(boolean condition, String missing) {
        MachineRequirements.require(condition, "disk-full test needs " + missing);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
