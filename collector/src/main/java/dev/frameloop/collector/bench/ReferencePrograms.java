package dev.frameloop.collector.bench;

import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.BpfProgram;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * probe_ref.bpf.o: empty programs on the hooks of the measured programs, attached in the same run, so that a
 * program's cost reads as a ratio to what the kernel charges for running nothing there.
 */
final class ReferencePrograms implements AutoCloseable {
    static final String OBJECT = "probe_ref";
    /** The reference of every scheduler callback: an empty program run at each context switch. */
    static final String SCHEDULER_REFERENCE = "tp_btf/sched_switch";

    private final BpfObject object;
    private final Map<String, BpfProgram> bySection;

    private ReferencePrograms(BpfObject object, Map<String, BpfProgram> bySection) {
        this.object = object;
        this.bySection = bySection;
    }

    /** The section of the reference a program of {@code section} is read against. */
    static String referenceSection(String section) {
        return section.startsWith("struct_ops/") ? SCHEDULER_REFERENCE : section;
    }

    /** Loads and attaches the references of {@code measuredSections} (hooks that took a probe take an empty program). */
    static ReferencePrograms attach(Collection<String> measuredSections) {
        Set<String> wanted = measuredSections.stream().map(ReferencePrograms::referenceSection).collect(Collectors.toSet());
        BpfObject object = BpfObject.openResource(OBJECT);
        try {
            for (BpfProgram p : object.programs()) {
                p.setAutoload(wanted.contains(p.sectionName()));
            }
            object.load();
            Map<String, BpfProgram> bySection = new LinkedHashMap<>();
            for (BpfProgram p : object.programs()) {
                if (p.isLoaded()) {
                    p.attach();
                    bySection.put(p.sectionName(), p);
                }
            }
            return new ReferencePrograms(object, bySection);
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
    }

    /** The reference program of a measured program's section. */
    Optional<BpfProgram> referenceOf(String section) {
        return Optional.ofNullable(bySection.get(referenceSection(section)));
    }

    Collection<BpfProgram> programs() {
        return bySection.values();
    }

    @Override
    public void close() {
        object.close();
    }
}
