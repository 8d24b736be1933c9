package dev.frameloop.collector.vm;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of guest memory. Parsed from {@code 2G}, {@code 512M}, {@code 1536MiB}; units K, M, G, T are
 * powers of 1024, and a plain number means MiB as in qemu's {@code -m}.
 */
public record MemorySize(long bytes) {
    public static final long MIB = 1024L * 1024L;
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})\\s*(?:([KMGT])(?:I?B)?)?");

    public MemorySize {
        if (bytes <= 0 || bytes % MIB != 0) {
            throw new IllegalArgumentException("memory size must be a positive whole number of MiB, got " + bytes + " bytes");
        }
    }

    public static MemorySize parse(String text) {
        String upper = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        Matcher m = SYNTAX.matcher(upper);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid memory size '" + text
                    + "': use a number with a unit, e.g. 512M, 2G (units K, M, G, T are powers of 1024; a plain number is MiB)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "M" : m.group(2);
        long bytes = amount << switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> throw new IllegalStateException("unit not covered: " + unit);
        };
        if (bytes <= 0 || bytes % MIB != 0) {
            throw new IllegalArgumentException("invalid memory size '" + text + "': must be a positive whole number of MiB");
        }
        return new MemorySize(bytes);
    }

    public long mebibytes() {
        return bytes / MIB;
    }

    /** The value for qemu's {@code -m}. */
    public String qemuArgument() {
        return mebibytes() + "M";
    }

    @Override
    public String toString() {
        long mib = mebibytes();
        return mib % 1024 == 0 ? (mib / 1024) + "G" : mib + "M";
    }

    /** picocli glue: turns a parse failure into a usage error naming the option. */
    public static final class Converter implements CommandLine.ITypeConverter<MemorySize> {
        @Override
        public MemorySize convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
