package dev.frameloop.collector.ring;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Size of one stream's rings: a single ring of {@code bytesPerRing}, or a ring set of
 * {@code shards} rings of {@code bytesPerRing} each. Written {@code 256KiB} (single) or
 * {@code 16x64KiB} (set); units B, KiB, MiB (K/M accepted). Every ring is a power of two
 * between 4 KiB and 512 MiB (the kernel wants a power-of-two multiple of the page size; the
 * Java view of the twice-mapped data area must fit 2 GiB).
 *
 * @param shards       rings in the set; 1 for a single ring or a one-shard set
 * @param bytesPerRing data bytes of each ring ({@code max_entries})
 * @param set          whether this is a ring set (written with {@code NxSIZE})
 */
public record RingSize(int shards, int bytesPerRing, boolean set) {
    /** Smallest ring: one 4 KiB page. */
    public static final int MIN_BYTES = 4096;
    /** Largest ring: 512 MiB. */
    public static final int MAX_BYTES = 512 << 20;

    private static final Pattern SYNTAX = Pattern.compile("(?:(\\d+)\\s*[x*]\\s*)?(\\d+)\\s*([a-z]*)");

    public RingSize {
        if (shards < 1 || shards > RingStream.SHARDS_MAX) {
            throw new IllegalArgumentException("a ring set has 1 to " + RingStream.SHARDS_MAX + " shards, got " + shards);
        }
        if (!set && shards != 1) {
            throw new IllegalArgumentException("a single ring has one shard, got " + shards);
        }
        if (bytesPerRing < MIN_BYTES || bytesPerRing > MAX_BYTES || Integer.bitCount(bytesPerRing) != 1) {
            throw new IllegalArgumentException("a ring must be a power of two from 4KiB to 512MiB, got "
                    + bytesPerRing + " bytes (" + human(bytesPerRing) + ")");
        }
    }

    /** A single ring. */
    public static RingSize single(int bytes) {
        return new RingSize(1, bytes, false);
    }

    /** A ring set of {@code shards} rings. */
    public static RingSize set(int shards, int bytesPerRing) {
        return new RingSize(shards, bytesPerRing, true);
    }

    /**
     * Parses {@code 256KiB}, {@code 16x64KiB}, {@code 1MiB}, {@code 65536}.
     *
     * @throws IllegalArgumentException with what is wrong and the expected form
     */
    public static RingSize parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a ring size; write e.g. 256KiB or 16x64KiB");
        }
        long unit = switch (m.group(3)) {
            case "", "b" -> 1;
            case "k", "kib", "kb" -> 1L << 10;
            case "m", "mib", "mb" -> 1L << 20;
            default -> throw new IllegalArgumentException("'" + text + "': unknown unit '" + m.group(3)
                    + "'; use B, KiB or MiB");
        };
        long bytes;
        long shards;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(2)), unit);
            shards = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': number too large");
        }
        if (bytes > Integer.MAX_VALUE || shards > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "': at most " + RingStream.SHARDS_MAX + " shards of 512MiB");
        }
        return new RingSize((int) shards, (int) bytes, m.group(1) != null);
    }

    /** Data bytes of all the rings: what the kernel allocates (plus a few pages of header per ring) and charges as locked memory. */
    public long totalBytes() {
        return (long) shards * bytesPerRing;
    }

    /** {@code 256KiB} or {@code 16x64KiB}: what {@link #parse} reads back. */
    @Override
    public String toString() {
        return set ? shards + "x" + human(bytesPerRing) : human(bytesPerRing);
    }

    /** {@code 64KiB}, {@code 1MiB}, {@code 1536KiB}, {@code 100B}. */
    public static String human(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KiB";
        }
        return bytes + "B";
    }

    /** {@code 1 MiB}, {@code 256 KiB}, with a space: for prose. */
    public static String humanSpaced(long bytes) {
        return human(bytes).replaceFirst("(\\d)([A-Za-z])", "$1 $2");
    }
}
