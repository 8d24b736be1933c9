package dev.frameloop.collector.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bash shell that runs programs with the given names (symlinks to /bin/true, so each name is the
 * child's comm as the kernel cuts it to 15 bytes) one after the other: each makes one exec and one
 * exit event whose parent is the shell.
 */
final class ProcessBurst {
    /** Names a recorder must store as the kernel's bytes: quotes, a newline, markup, invalid UTF-8. */
    static final List<byte[]> ODD_NAMES = List.of(
            "q\"uo'te`$(x)".getBytes(StandardCharsets.US_ASCII),
            "new\nline".getBytes(StandardCharsets.US_ASCII),
            "<script>alert(1)".getBytes(StandardCharsets.US_ASCII),
            new byte[]{'b', 'a', 'd', (byte) 0xff, (byte) 0xfe, 'u', 't', 'f'});

    private ProcessBurst() {
    }

    /** {@code count} names: the odd ones first, then {@code prog-<i>}. */
    static List<byte[]> names(int count) {
        List<byte[]> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(i < ODD_NAMES.size() ? ODD_NAMES.get(i) : ("prog-" + i).getBytes(StandardCharsets.US_ASCII));
        }
        return names;
    }

    /** Runs every name once, in order, from one shell; returns the shell's pid. */
    static long run(Path dir, List<byte[]> names) throws IOException, InterruptedException {
        Path links = Files.createTempDirectory(dir, "progs-");
        String d = "d=" + quote(links.toString().getBytes(StandardCharsets.UTF_8)) + "\n";
        StringBuilder make = new StringBuilder("set -e; " + d);
        StringBuilder runs = new StringBuilder("set -e; " + d);
        for (byte[] name : names) {
            make.append("ln -sf /bin/true \"$d\"/").append(quote(name)).append('\n');
            runs.append("\"$d\"/").append(quote(name)).append('\n');
        }
        runs.append(":\n"); // a last builtin: bash must not exec the last program in its own process
        bash(make.toString());
        return bash(runs.toString());
    }

    /** The comm the kernel keeps of a name: its first 15 bytes. */
    static byte[] comm(byte[] name) {
        return java.util.Arrays.copyOf(name, Math.min(name.length, 15));
    }

    private static long bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "the shell failed: " + output);
        return p.pid();
    }

    private static String quote(byte[] bytes) {
        StringBuilder q = new StringBuilder("$'");
        for (byte b : bytes) {
            q.append(String.format("\\x%02x", b & 0xff));
        }
        return q.append('\'').toString();
    }
}
