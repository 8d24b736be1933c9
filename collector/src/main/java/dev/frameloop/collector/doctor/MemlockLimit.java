package dev.frameloop.collector.doctor;

import java.util.OptionalLong;

/**
 * RLIMIT_MEMLOCK as {@code /proc/self/limits} shows it ("Max locked memory  8388608  8388608  bytes").
 *
 * @param softBytes the soft limit, empty when unlimited
 * @param hardBytes the hard limit, empty when unlimited
 */
public record MemlockLimit(OptionalLong softBytes, OptionalLong hardBytes) {

    /** Parses the text of a {@code /proc/<pid>/limits} file. */
    public static MemlockLimit parse(String limitsText) {
        for (String line : limitsText.split("\n")) {
            if (line.startsWith("Max locked memory")) {
                String[] f = line.substring("Max locked memory".length()).trim().split("\\s+");
                if (f.length < 2) {
                    throw new IllegalArgumentException("malformed limits line: '" + line + "'");
                }
                return new MemlockLimit(value(f[0]), value(f[1]));
            }
        }
        throw new IllegalArgumentException("limits text has no 'Max locked memory' line");
    }

    private static OptionalLong value(String field) {
        return "unlimited".equals(field) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(field));
    }

    /** "8 MiB", "unlimited". */
    static String human(OptionalLong bytes) {
        if (bytes.isEmpty()) {
            return "unlimited";
        }
        long b = bytes.getAsLong();
        if (b >= 1L << 30 && b % (1L << 30) == 0) {
            return (b >> 30) + " GiB";
        }
        if (b >= 1L << 20 && b % (1L << 20) == 0) {
            return (b >> 20) + " MiB";
        }
        if (b >= 1L << 10 && b % (1L << 10) == 0) {
            return (b >> 10) + " KiB";
        }
        return b + " bytes";
    }
}
