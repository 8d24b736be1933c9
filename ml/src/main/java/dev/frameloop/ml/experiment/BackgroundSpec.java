package dev.frameloop.ml.experiment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The background load of an experiment, written {@code cpu:2,fork:50,io:1,mem:512M} (or {@code none}): each
 * kind at most once; every arm and run gets the same. It runs as one stress-ng process (Debian stress-ng).
 */
public record BackgroundSpec(List<BackgroundLoad> loads) {
    public static final BackgroundSpec NONE = new BackgroundSpec(List.of());

    public BackgroundSpec {
        loads = List.copyOf(loads);
        Set<BackgroundLoad.Kind> seen = EnumSet.noneOf(BackgroundLoad.Kind.class);
        for (BackgroundLoad load : loads) {
            if (!seen.add(load.kind())) {
                throw new IllegalArgumentException("background load " + load.kind().key() + " is given twice");
            }
        }
    }

    /**
     * Parses the spec syntax.
     *
     * @throws IllegalArgumentException naming the part that is wrong and what is expected
     */
    public static BackgroundSpec parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
            return NONE;
        }
        List<BackgroundLoad> loads = new ArrayList<>();
        for (String part : trimmed.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("background '" + part + "' needs KIND:AMOUNT, e.g. cpu:2 or mem:512M");
            }
            String kindText = part.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String amountText = part.substring(colon + 1).trim();
            BackgroundLoad.Kind kind;
            try {
                kind = BackgroundLoad.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("background kind '" + kindText + "' is unknown; kinds: "
                        + EnumSet.allOf(BackgroundLoad.Kind.class).stream().map(BackgroundLoad.Kind::key)
                        .collect(Collectors.joining(", ")), e);
            }
            long amount;
            if (kind == BackgroundLoad.Kind.MEM) {
                amount = ByteSize.parse(amountText);
            } else {
                try {
                    amount = Long.parseLong(amountText);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("background " + kindText + " wants a number of workers, got '"
                            + amountText + "'", e);
                }
            }
            loads.add(new BackgroundLoad(kind, amount));
        }
        return new BackgroundSpec(loads);
    }

    public boolean isNone() {
        return loads.isEmpty();
    }

    /** stress-ng's command line for this load, stopping by itself after {@code timeoutSeconds}; empty when none. */
    public List<String> stressNgCommand(long timeoutSeconds) {
        if (isNone()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>(List.of("stress-ng", "--quiet", "--timeout", timeoutSeconds + "s"));
        loads.forEach(load -> argv.addAll(load.stressNgOptions()));
        return List.copyOf(argv);
    }

    /** The spec syntax, loads in the order given; {@code none} when empty. */
    @Override
    public String toString() {
        return isNone() ? "none" : loads.stream().map(BackgroundLoad::toString).collect(Collectors.joining(","));
    }
}
