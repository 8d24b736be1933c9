package dev.frameloop.collector.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser for durations on the command line: a number and a unit, optionally repeated
 * ({@code 500ms}, {@code 90s}, {@code 5m}, {@code 1h}, {@code 1h30m}). Units: ms, s, m, h, d.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h|d))+");

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("invalid duration '" + text
                    + "': use a number with a unit, e.g. 500ms, 90s, 5m, 1h or 1h30m (units: ms, s, m, h, d)");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(trimmed);
        while (m.find()) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalStateException("unit not covered: " + m.group(2));
            });
        }
        return total;
    }

    /** Formats {@code d} in the syntax {@link #parse} accepts, largest units first ({@code 1h30m}, {@code 20s}). */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        int seconds = d.toSecondsPart();
        int millis = d.toMillisPart();
        if (days > 0) out.append(days).append('d');
        if (hours > 0) out.append(hours).append('h');
        if (minutes > 0) out.append(minutes).append('m');
        if (seconds > 0) out.append(seconds).append('s');
        if (millis > 0) out.append(millis).append("ms");
        return out.length() == 0 ? d.toNanos() + "ns" : out.toString();
    }
}
