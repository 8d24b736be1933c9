package dev.frameloop.collector.probe;

import java.util.List;
import java.util.Optional;

/**
 * What became of one probe chain: the program attached (empty when none could be), and why each
 * better candidate was passed over.
 *
 * @param chain    the chain
 * @param attached the program now attached, if any
 * @param passed   "source: why" for each candidate not used, in chain order
 */
public record ProbeHook(ProbeChain chain, Optional<ProbeProgram> attached, List<String> passed) {
    public ProbeHook {
        passed = List.copyOf(passed);
    }

    /** "tp_btf:sched_process_exec", or "unavailable: <why each candidate failed>". */
    public String source() {
        return attached.map(ProbeProgram::source).orElseGet(() -> "unavailable: " + String.join("; ", passed));
    }
}
