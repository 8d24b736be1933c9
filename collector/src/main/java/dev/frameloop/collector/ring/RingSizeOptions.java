package dev.frameloop.collector.ring;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.Map;

/**
 * Picocli mixin: one {@code --ring-<stream>} option per event stream, e.g.
 * {@code --ring-input=16x32KiB}. Options not given keep {@link RingSizes}' defaults; the help
 * text of each option (from {@link RingSizeHelp}) shows the default and the memory it locks.
 */
@Command(resourceBundle = "dev.frameloop.collector.ring.RingSizeHelp")
public final class RingSizeOptions {
    private final Map<RingStream, RingSize> given = new EnumMap<>(RingStream.class);

    @Option(names = "--ring-input", paramLabel = "NxSIZE", descriptionKey = "input", converter = Converter.class)
    void input(RingSize size) {
        given.put(RingStream.INPUT, size);
    }

    @Option(names = "--ring-process", paramLabel = "SIZE", descriptionKey = "process", converter = Converter.class)
    void process(RingSize size) {
        given.put(RingStream.PROCESS, size);
    }

    @Option(names = "--ring-frame-timing", paramLabel = "SIZE", descriptionKey = "frame_timing", converter = Converter.class)
    void frameTiming(RingSize size) {
        given.put(RingStream.FRAME_TIMING, size);
    }

    @Option(names = "--ring-gpu-submit", paramLabel = "SIZE", descriptionKey = "gpu_submit", converter = Converter.class)
    void gpuSubmit(RingSize size) {
        given.put(RingStream.GPU_SUBMIT, size);
    }

    @Option(names = "--ring-migration", paramLabel = "NxSIZE", descriptionKey = "migration", converter = Converter.class)
    void migration(RingSize size) {
        given.put(RingStream.MIGRATION, size);
    }

    @Option(names = "--ring-thread-class", paramLabel = "SIZE", descriptionKey = "thread_class", converter = Converter.class)
    void threadClass(RingSize size) {
        given.put(RingStream.THREAD_CLASS, size);
    }

    @Option(names = "--ring-deadline-miss", paramLabel = "SIZE", descriptionKey = "deadline_miss", converter = Converter.class)
    void deadlineMiss(RingSize size) {
        given.put(RingStream.DEADLINE_MISS, size);
    }

    @Option(names = "--ring-task-stats", paramLabel = "SIZE", descriptionKey = "task_stats", converter = Converter.class)
    void taskStats(RingSize size) {
        given.put(RingStream.TASK_STATS, size);
    }

    @Option(names = "--ring-policy-applied", paramLabel = "SIZE", descriptionKey = "policy_applied", converter = Converter.class)
    void policyApplied(RingSize size) {
        given.put(RingStream.POLICY_APPLIED, size);
    }

    /** The defaults with every given option applied. */
    public RingSizes sizes() {
        RingSizes sizes = RingSizes.defaults();
        for (Map.Entry<RingStream, RingSize> entry : given.entrySet()) {
            sizes = sizes.with(entry.getKey(), entry.getValue());
        }
        return sizes;
    }

    /** The option that sets {@code stream}'s size ({@code --ring-frame-timing}). */
    public static String optionName(RingStream stream) {
        return "--ring-" + stream.streamName().replace('_', '-');
    }

    /** Parses ring sizes for picocli; errors say the expected form. */
    public static final class Converter implements ITypeConverter<RingSize> {
        @Override
        public RingSize convert(String value) {
            return RingSize.parse(value);
        }
    }
}
