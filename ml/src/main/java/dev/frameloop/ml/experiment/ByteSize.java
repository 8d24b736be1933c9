package dev.frameloop.ml.experiment;

import java.util.Locale;

/** Byte counts written as {@code 512M}, {@code 2G}, {@code 64K} or plain bytes; K/M/G/T are powers of 1024. */
final class ByteSize {
    private static final String SUFFIXES = "KMGT";

    private ByteSize() {
    }

    static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a size is missing");
        }
        int power = SUFFIXES.indexOf(t.charAt(t.length() - 1)) + 1;
        String digits = power > 0 ? t.substring(0, t.length() - 1) : t;
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size like 512M, 2G or 65536", e);
        }
        return Math.multiplyExact(value, 1L << (10 * power));
    }

    static String format(long bytes) {
        for (int power = SUFFIXES.length(); power > 0; power--) {
            long unit = 1L << (10 * power);
            if (bytes % unit == 0) {
                return bytes / unit + SUFFIXES.substring(power - 1, power);
            }
        }
        return Long.toString(bytes);
    }
}
