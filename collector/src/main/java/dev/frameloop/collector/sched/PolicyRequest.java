package dev.frameloop.collector.sched;

import dev.frameloop.collector.cli.DurationConverter;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.core.policy.BoostPolicy;
import picocli.CommandLine;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A boost_policy entry asked for on the command line, as {@code TID=ROLE[,for=D][,boost=PCT][,slice=D]},
 * e.g. {@code 1234=render,for=30s,boost=400}.
 *
 * @param tid          the thread
 * @param role         its class while the entry lives
 * @param lifetime     how long after it is written the entry counts
 * @param boostPercent 0: the role's default boost
 * @param slice        {@link Duration#ZERO}: the role's default slice
 */
public record PolicyRequest(int tid, ThreadClass role, Duration lifetime, int boostPercent, Duration slice) {
    /** Lifetime of an entry that does not say. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(1);

    /** The entry written at {@code nowNs} (CLOCK_MONOTONIC). */
    public BoostPolicy at(long nowNs) {
        return new BoostPolicy(tid, role, boostPercent, slice.toNanos(), nowNs, nowNs + lifetime.toNanos());
    }

    /** "tid 1234 as render for 30s (boost 400 %, default slice)". */
    public String describe() {
        return "tid " + tid + " as " + role.name().toLowerCase(Locale.ROOT) + " for " + DurationConverter.format(lifetime)
                + " (" + (boostPercent == 0 ? "default boost" : "boost " + boostPercent + " %") + ", "
                + (slice.isZero() ? "default slice" : "slice " + DurationConverter.format(slice)) + ")";
    }

    /** Parses the option's text; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static PolicyRequest parse(String text) {
        String usage = "use TID=ROLE[,for=D][,boost=PCT][,slice=D], e.g. 1234=render,for=30s (roles: " + roles() + ")";
        String[] parts = text.trim().split(",");
        String[] head = parts[0].split("=", 2);
        if (head.length != 2) {
            throw new IllegalArgumentException("invalid policy '" + text + "': " + usage);
        }
        int tid = positiveInt(head[0], "tid", text, usage);
        ThreadClass role = role(head[1], text, usage);
        Duration lifetime = DEFAULT_LIFETIME;
        int boost = 0;
        Duration slice = Duration.ZERO;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("invalid policy '" + text + "': '" + parts[i] + "' is not KEY=VALUE; " + usage);
            }
            switch (kv[0].trim()) {
                case "for" -> lifetime = positive(DurationConverter.parse(kv[1]), "for", text);
                case "boost" -> boost = positiveInt(kv[1], "boost", text, usage);
                case "slice" -> slice = positive(DurationConverter.parse(kv[1]), "slice", text);
                default -> throw new IllegalArgumentException("invalid policy '" + text + "': unknown key '" + kv[0]
                        + "'; " + usage);
            }
        }
        if (boost != 0 && (boost < BoostPolicy.BOOST_MIN || boost > BoostPolicy.BOOST_MAX)) {
            throw new IllegalArgumentException("invalid policy '" + text + "': boost must be " + BoostPolicy.BOOST_MIN
                    + ".." + BoostPolicy.BOOST_MAX + " percent");
        }
        return new PolicyRequest(tid, role, lifetime, boost, slice);
    }

    private static ThreadClass role(String name, String text, String usage) {
        for (ThreadClass c : ThreadClass.values()) {
            if (c != ThreadClass.UNKNOWN && c.name().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("invalid policy '" + text + "': unknown role '" + name + "'; " + usage);
    }

    private static String roles() {
        return Arrays.stream(ThreadClass.values()).filter(c -> c != ThreadClass.UNKNOWN)
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    private static int positiveInt(String value, String what, String text, String usage) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid policy '" + text + "': " + what + " must be a positive integer, was '"
                + value + "'; " + usage);
    }

    private static Duration positive(Duration d, String what, String text) {
        if (d.isZero()) {
            throw new IllegalArgumentException("invalid policy '" + text + "': " + what + " must be positive");
        }
        return d;
    }

    /** picocli's converter for {@code --policy}. */
    public static final class Converter implements CommandLine.ITypeConverter<PolicyRequest> {
        @Override
        public PolicyRequest convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
