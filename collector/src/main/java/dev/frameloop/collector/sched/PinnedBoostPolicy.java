package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.jna.LibC;
import dev.frameloop.collector.record.PinDirectory;
import dev.frameloop.core.policy.BoostPolicyCodec;
import dev.frameloop.core.policy.BoostPolicyEntry;
import dev.frameloop.core.policy.BoostPolicyLayout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The entries of a pinned {@code boost_policy} map (what {@code sched --pin} left), with the scheduler's notes. */
public final class PinnedBoostPolicy {
    private static final int ENOENT = 2;

    private PinnedBoostPolicy() {
    }

    /** Every entry of the map pinned at {@code pin}, by tid. */
    public static List<BoostPolicyEntry> read(Path pin) {
        LibBpf.requireAvailable();
        LibC.requireAvailable();
        int fd = PinDirectory.open(pin);
        try {
            List<BoostPolicyEntry> entries = new ArrayList<>();
            byte[] key = null;
            byte[] next = new byte[BoostPolicyLayout.KEY_SIZE];
            byte[] value = new byte[BoostPolicyLayout.SIZE];
            while (true) {
                int rc = LibBpf.bpf_map_get_next_key(fd, key, next);
                rc = rc == -1 ? -com.sun.jna.Native.getLastError() : rc;
                if (rc == -ENOENT) {
                    break;
                }
                if (rc < 0) {
                    throw new BpfException("listing the keys of " + pin, rc, "");
                }
                key = next.clone();
                if (LibBpf.bpf_map_lookup_elem(fd, key, value) == 0) {
                    int tid = ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
                    entries.add(BoostPolicyCodec.decode(tid, ByteBuffer.wrap(value), 0));
                }
            }
            entries.sort(Comparator.comparingInt(e -> e.policy().tid()));
            return entries;
        } finally {
            LibC.close(fd);
        }
    }

    /** One line for a user: "tid 123: render, applied 0.412 ms after the write; expired and ignored". */
    public static String describe(BoostPolicyEntry entry) {
        String applied = entry.applied()
                ? String.format(java.util.Locale.ROOT, "applied %.3f ms after the write", entry.applyLatencyNs() / 1e6)
                : "not applied";
        return "tid " + entry.policy().tid() + ": " + entry.policy().role().name().toLowerCase(java.util.Locale.ROOT)
                + ", " + applied + (entry.expired() ? "; expired and ignored" : "");
    }
}
