package dev.frameloop.core.dataset;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Identifies one recording session: {@code yyyyMMdd'T'HHmmss.SSS'Z'-xxxxxx}, the UTC start
 * time to the millisecond followed by 24 random bits in hex, e.g.
 * {@code 20260114T153012.345Z-3f9a0c}. Ids sort by start time as plain strings, contain no
 * character a file system, a Hadoop path or a Hive partition value treats specially, and two
 * sessions started in the same millisecond still differ (the dataset refuses an id that exists).
 *
 * @param value the id text
 */
public record SessionId(String value) implements Comparable<SessionId> {

    private static final Pattern FORMAT = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{6}");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Checks the format. */
    public SessionId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a session id: '" + value
                    + "' (expected yyyyMMddTHHmmss.SSSZ-xxxxxx, e.g. 20260114T153012.345Z-3f9a0c)");
        }
    }

    /** A new id for a session starting at {@code start}, with a random suffix. */
    public static SessionId startingAt(Instant start) {
        int suffix = ThreadLocalRandom.current().nextInt(1 << 24);
        return new SessionId(TIME.format(start) + "-" + String.format("%06x", suffix));
    }

    /** Parses an id, with the same checks as the constructor. */
    public static SessionId parse(String text) {
        return new SessionId(text);
    }

    /** Whether {@code text} is a well-formed session id. */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** The start time encoded in the id (millisecond precision). */
    public Instant startTime() {
        return TIME.parse(value.substring(0, value.indexOf('-')), Instant::from);
    }

    @Override
    public int compareTo(SessionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
