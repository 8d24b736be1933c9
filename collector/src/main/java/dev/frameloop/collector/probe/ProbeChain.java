package dev.frameloop.collector.probe;

import dev.frameloop.core.event.EventType;

import java.util.List;
import java.util.Objects;

/**
 * One hook of a probe with its fallbacks, best first: the loader attaches the first program the kernel
 * accepts. {@code companions} are programs that go with a candidate of the same index (the fexit that
 * pairs with an fentry); they load and attach with it.
 *
 * @param name       what the chain observes ("exec", "exit", "input")
 * @param type       the event type it produces
 * @param candidates programs in order of preference
 */
public record ProbeChain(String name, EventType type, List<ProbeProgram> candidates, List<List<ProbeProgram>> companions) {
    public ProbeChain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        candidates = List.copyOf(candidates);
        companions = List.copyOf(companions);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("probe chain " + name + " has no program");
        }
        if (!companions.isEmpty() && companions.size() != candidates.size()) {
            throw new IllegalArgumentException("probe chain " + name + ": companions must be given for every candidate or none");
        }
    }

    public ProbeChain(String name, EventType type, List<ProbeProgram> candidates) {
        this(name, type, candidates, List.of());
    }

    /** The programs that load with candidate {@code index}: itself and its companions. */
    public List<ProbeProgram> programsOf(int index) {
        if (companions.isEmpty()) {
            return List.of(candidates.get(index));
        }
        List<ProbeProgram> all = new java.util.ArrayList<>();
        all.add(candidates.get(index));
        all.addAll(companions.get(index));
        return all;
    }
}
