package dev.frameloop.ml.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What a report says about where it ran: kernel, host, CPUs, versions of frameloop and its tools. */
public record SystemInfo(Map<String, String> entries) {
    public SystemInfo {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Collects the facts of this machine; a fact that cannot be read says why instead. */
    public static SystemInfo collect(String frameloopVersion, Optional<Path> synthgame) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("frameloop", frameloopVersion);
        e.put("kernel", read(Path.of("/proc/sys/kernel/osrelease")));
        e.put("kernel build", read(Path.of("/proc/sys/kernel/version")));
        e.put("host", read(Path.of("/proc/sys/kernel/hostname")));
        e.put("CPUs", Runtime.getRuntime().availableProcessors() + " (" + cpuModel() + ")");
        e.put("sched_ext state", Files.exists(Path.of("/sys/kernel/sched_ext/state"))
                ? read(Path.of("/sys/kernel/sched_ext/state")) : "none (no sched_ext in this kernel)");
        e.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        synthgame.ifPresent(s -> e.put("synthgame", s + " — " + lastLine(run(List.of(s.toString(), "--help")))));
        e.put("stress-ng", firstLine(run(List.of("stress-ng", "--version"))));
        return new SystemInfo(e);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "unknown (" + file + ": " + e.getMessage() + ")";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("model unknown");
        } catch (IOException e) {
            return "model unknown (" + e.getMessage() + ")";
        }
    }

    private static String run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "unknown (" + argv.get(0) + " did not answer)";
            }
            return out;
        } catch (IOException e) {
            return "not available (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").trim();
    }

    private static String lastLine(String text) {
        List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.isBlank()).toList());
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
    }
}
