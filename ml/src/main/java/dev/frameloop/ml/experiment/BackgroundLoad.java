package dev.frameloop.ml.experiment;

import java.util.List;
import java.util.Locale;

/**
 * One kind of background load at one level, as stress-ng runs it.
 *
 * @param kind   what the load does
 * @param amount workers for {@code cpu}, {@code fork} and {@code io}; bytes for {@code mem}
 */
public record BackgroundLoad(Kind kind, long amount) {
    /** The shapes of load, each mapped to stress-ng stressors. */
    public enum Kind {
        /** N workers spinning on the CPU ({@code stress-ng --cpu N}). */
        CPU,
        /** N workers forking and reaping children as fast as they can ({@code --fork N}): a fork storm. */
        FORK,
        /** N workers calling sync() in a loop ({@code --io N}): I/O pressure. */
        IO,
        /** One worker keeping SIZE bytes mapped and touched ({@code --vm 1 --vm-bytes SIZE --vm-keep}): memory pressure. */
        MEM;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public BackgroundLoad {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException(kind.key() + " amount must be positive, got " + amount);
        }
    }

    /** The stress-ng options that start this load. */
    public List<String> stressNgOptions() {
        return switch (kind) {
            case CPU -> List.of("--cpu", Long.toString(amount));
            case FORK -> List.of("--fork", Long.toString(amount));
            case IO -> List.of("--io", Long.toString(amount));
            case MEM -> List.of("--vm", "1", "--vm-bytes", amount + "", "--vm-keep");
        };
    }

    /** The spec syntax for this load, e.g. {@code cpu:2} or {@code mem:512M}. */
    @Override
    public String toString() {
        return kind.key() + ":" + (kind == Kind.MEM ? ByteSize.format(amount) : Long.toString(amount));
    }
}
