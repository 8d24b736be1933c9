package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.core.policy.BoostPolicy;
import dev.frameloop.core.policy.PolicyBatchResult;
import dev.frameloop.core.policy.PolicyWriteFailure;
import dev.frameloop.core.policy.PolicyWriter;
import dev.frameloop.core.policy.PolicyWriterCounts;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The {@link PolicyWriter} into the gamer scheduler's {@code boost_policy} map: a batch is written
 * entry by entry ({@code BPF_ANY}), then deleted, then the scheduler is told once (one generation
 * bump per batch instead of one per entry). A tid without {@code /proc/<tid>} is refused before it
 * costs a map slot; E2BIG from the kernel means the map is full; any other error of one entry is
 * logged and counted, and the rest of the batch still goes in.
 */
public final class MapPolicyWriter implements PolicyWriter {
    private static final Logger LOG = System.getLogger("dev.frameloop.collector.sched");

    /** The map operations the writer needs ({@link BoostPolicyMap} has them). */
    public interface Target {
        /** Creates or replaces the entry of {@code policy.tid()}, without telling the scheduler. */
        void put(BoostPolicy policy);

        /** Removes the entry of tid, without telling the scheduler; false when there was none. */
        boolean remove(int tid);

        /** Tells the scheduler the map changed. */
        void publish();
    }

    private final Target target;
    private final IntPredicate tidExists;
    private PolicyWriterCounts counts = PolicyWriterCounts.ZERO;

    /** Writes to {@code target}, refusing tids {@code tidExists} rejects. */
    public MapPolicyWriter(Target target, IntPredicate tidExists) {
        this.target = Objects.requireNonNull(target, "target");
        this.tidExists = Objects.requireNonNull(tidExists, "tidExists");
    }

    /** Writes to the scheduler's map; a tid exists while {@code /proc/<tid>} does. */
    public static MapPolicyWriter of(BoostPolicyMap map) {
        return new MapPolicyWriter(map, tid -> Files.exists(Path.of("/proc", Integer.toString(tid))));
    }

    @Override
    public PolicyBatchResult apply(List<BoostPolicy> writes, List<Integer> deletes) {
        if (writes.isEmpty() && deletes.isEmpty()) {
            return PolicyBatchResult.EMPTY;
        }
        int written = 0;
        int deleted = 0;
        long deleteErrors = 0;
        Map<Integer, PolicyWriteFailure> failed = new HashMap<>();
        for (BoostPolicy policy : writes) {
            if (!tidExists.test(policy.tid())) {
                failed.put(policy.tid(), PolicyWriteFailure.UNKNOWN_TID);
                continue;
            }
            try {
                target.put(policy);
                written++;
            } catch (BpfException e) {
                PolicyWriteFailure why = e.errno() == Errno.E2BIG ? PolicyWriteFailure.MAP_FULL : PolicyWriteFailure.ERROR;
                if (why == PolicyWriteFailure.ERROR) {
                    LOG.log(Level.WARNING, "writing the boost_policy entry of tid " + policy.tid() + ": " + e.summary());
                }
                failed.put(policy.tid(), why);
            }
        }
        for (int tid : deletes) {
            try {
                if (target.remove(tid)) {
                    deleted++;
                }
            } catch (BpfException e) {
                deleteErrors++;
                LOG.log(Level.WARNING, "deleting the boost_policy entry of tid " + tid + ": " + e.summary());
            }
        }
        if (written + deleted > 0) {
            try {
                target.publish();
            } catch (BpfException e) {
                deleteErrors++;
                LOG.log(Level.WARNING, "telling the scheduler of " + (written + deleted) + " changes: " + e.summary()
                        + "; it sees them at its next generation check");
            }
        }
        PolicyBatchResult result = new PolicyBatchResult(written, deleted, failed);
        counts = counts.plus(result, deleteErrors);
        return result;
    }

    @Override
    public PolicyWriterCounts counts() {
        return counts;
    }
}
