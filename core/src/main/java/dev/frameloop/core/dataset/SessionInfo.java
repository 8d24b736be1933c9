package dev.frameloop.core.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the recorder tells the manifest about where and how a session is recorded.
 *
 * @param host            host name
 * @param kernel          kernel release ({@code uname -r})
 * @param mode            {@code scheduler} or {@code observe} (or another recorder mode)
 * @param bpfObjectSha256 SHA-256 (hex) of the BPF object loaded; empty when none
 * @param eventSources    per event type, the hook that produces it (or its fallback)
 */
public record SessionInfo(String host, String kernel, String mode, String bpfObjectSha256,
                          Map<String, String> eventSources) {

    /** Checks for nulls; sources are copied, sorted by event type. */
    public SessionInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(bpfObjectSha256, "bpfObjectSha256");
        eventSources = Map.copyOf(new TreeMap<>(eventSources));
    }

    /** This machine's host name and kernel release, with the recorder's mode, object hash and sources. */
    public static SessionInfo ofThisHost(String mode, String bpfObjectSha256, Map<String, String> eventSources) {
        return new SessionInfo(hostName(), System.getProperty("os.version", ""), mode, bpfObjectSha256,
                eventSources);
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
        } catch (IOException notLinux) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "" : env;
        }
    }
}
