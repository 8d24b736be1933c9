package dev.frameloop.collector.sched;

import dev.frameloop.collector.bpf.BpfMap;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.core.btf.Btf;
import dev.frameloop.core.btf.LayoutVerifier;
import dev.frameloop.core.policy.BoostPolicy;
import dev.frameloop.core.policy.BoostPolicyCodec;
import dev.frameloop.core.policy.BoostPolicyEntry;
import dev.frameloop.core.policy.BoostPolicyLayout;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Userspace's side of the gamer scheduler's {@code boost_policy} map (protocol in
 * {@code bpf/include/frameloop/policy.h}): write an entry, delete it, read back what the scheduler
 * noted in it. Every write and delete increments {@code boost_policy_ctl.generation}, which is how
 * the scheduler learns to look again.
 *
 * <p>The layouts are checked against the object's BTF when the map is opened. One writer per scheduler
 * (the generation is read, incremented and written back); not thread-safe.
 */
public final class BoostPolicyMap implements MapPolicyWriter.Target {
    /** The hash map: tid -> struct fl_boost_policy. */
    public static final String MAP = "boost_policy";
    /** The array map holding struct fl_boost_policy_ctl at key 0. */
    public static final String CTL_MAP = "boost_policy_ctl";

    private static final byte[] CTL_KEY = new byte[4];

    private final BpfMap entries;
    private final BpfMap ctl;

    private BoostPolicyMap(BpfMap entries, BpfMap ctl) {
        this.entries = entries;
        this.ctl = ctl;
    }

    /**
     * The policy maps of a loaded gamer object.
     *
     * @param elf the object's ELF bytes, whose BTF the Java layouts are checked against
     * @throws dev.frameloop.core.btf.LayoutMismatchException naming the first field that differs
     */
    public static BoostPolicyMap of(BpfObject gamer, byte[] elf) {
        new LayoutVerifier(Btf.fromElf(elf)).verify(BoostPolicyLayout.STRUCTS, List.of());
        BpfMap entries = gamer.map(MAP);
        BpfMap ctl = gamer.map(CTL_MAP);
        requireSizes(entries, BoostPolicyLayout.KEY_SIZE, BoostPolicyLayout.SIZE);
        requireSizes(ctl, 4, BoostPolicyLayout.CTL_SIZE);
        return new BoostPolicyMap(entries, ctl);
    }

    /** Creates or replaces the entry of {@code policy.tid()}, then tells the scheduler. */
    public void write(BoostPolicy policy) {
        put(policy);
        bumpGeneration();
    }

    @Override
    public void put(BoostPolicy policy) {
        byte[] value = new byte[BoostPolicyLayout.SIZE];
        BoostPolicyCodec.encode(policy, ByteBuffer.wrap(value), 0);
        entries.update(key(policy.tid()), value, LibBpf.BPF_ANY);
    }

    @Override
    public boolean remove(int tid) {
        return entries.delete(key(tid));
    }

    @Override
    public void publish() {
        bumpGeneration();
    }

    /** Removes the entry of tid; false when there was none. */
    public boolean delete(int tid) {
        boolean deleted = remove(tid);
        if (deleted) {
            bumpGeneration();
        }
        return deleted;
    }

    /** The entry of tid as the map holds it now, with the scheduler's notes (applied, expired). */
    public Optional<BoostPolicyEntry> read(int tid) {
        byte[] value = new byte[BoostPolicyLayout.SIZE];
        if (!entries.lookup(key(tid), value)) {
            return Optional.empty();
        }
        return Optional.of(BoostPolicyCodec.decode(tid, ByteBuffer.wrap(value), 0));
    }

    /** {@code boost_policy_ctl.generation}: how many writes and deletes the scheduler was told about. */
    public long generation() {
        byte[] value = new byte[BoostPolicyLayout.CTL_SIZE];
        if (!ctl.lookup(CTL_KEY, value)) {
            throw new IllegalStateException("map " + CTL_MAP + " has no entry 0");
        }
        return BoostPolicyCodec.decodeGeneration(ByteBuffer.wrap(value), 0);
    }

    private void bumpGeneration() {
        byte[] value = new byte[BoostPolicyLayout.CTL_SIZE];
        BoostPolicyCodec.encodeGeneration(generation() + 1, ByteBuffer.wrap(value), 0);
        ctl.update(CTL_KEY, value, LibBpf.BPF_ANY);
    }

    private static byte[] key(int tid) {
        byte[] key = new byte[BoostPolicyLayout.KEY_SIZE];
        BoostPolicyCodec.encodeKey(tid, ByteBuffer.wrap(key), 0);
        return key;
    }

    private static void requireSizes(BpfMap map, int keySize, int valueSize) {
        if (map.keySize() != keySize || map.valueSize() != valueSize) {
            throw new IllegalStateException("map " + map.name() + " has " + map.keySize() + "-byte keys and "
                    + map.valueSize() + "-byte values; policy.h says " + keySize + " and " + valueSize);
        }
    }
}
