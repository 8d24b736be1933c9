package dev.frameloop.ml.bench;

import java.util.Arrays;

/**
 * What happened to each trigger, indexed by its seq (0-based, dense): the trigger's kernel time,
 * the handler's clock at each step's end, and the timestamp of the entry it wrote (the key the
 * stand-in scheduler's policy-applied event names). Preallocated: the handler writes it without
 * allocating. Written by one thread at a time (the ring reader of the segment), read after.
 */
public final class LoopSamples {
    /** Entry timestamp of a trigger that wrote no entry. */
    public static final long NOT_WRITTEN = 0;

    private final long[] triggerNs;
    private final long[] handlerNs;
    private final long[] featuresNs;
    private final long[] predictNs;
    private final long[] policyNs;
    private final long[] writeNs;
    private final long[] entryNs;
    private final byte[] mode;
    private final boolean[] measured;
    private final boolean[] seen;

    /** Room for {@code capacity} triggers, seq 0 .. capacity-1. */
    public LoopSamples(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        triggerNs = new long[capacity];
        handlerNs = new long[capacity];
        featuresNs = new long[capacity];
        predictNs = new long[capacity];
        policyNs = new long[capacity];
        writeNs = new long[capacity];
        entryNs = new long[capacity];
        mode = new byte[capacity];
        measured = new boolean[capacity];
        seen = new boolean[capacity];
        Arrays.fill(mode, (byte) -1);
    }

    public int capacity() {
        return triggerNs.length;
    }

    /** Before a segment: the triggers {@code from .. from+count-1} will be read in {@code m}; the first {@code warmup} are not measured. */
    public void plan(long from, long count, long warmup, LoopMode m) {
        for (long seq = from; seq < from + count; seq++) {
            int i = index(seq);
            mode[i] = (byte) m.ordinal();
            measured[i] = seq - from >= warmup;
        }
    }

    /** The handler got trigger {@code seq}, stamped {@code triggerNs} by BPF, at {@code handlerNs}. */
    public void received(long seq, long trigger, long handler) {
        int i = index(seq);
        seen[i] = true;
        triggerNs[i] = trigger;
        handlerNs[i] = handler;
    }

    /** The steps' ends for {@code seq}; {@code entry} is the written entry's timestamp or {@link #NOT_WRITTEN}. */
    public void steps(long seq, long features, long predict, long policy, long write, long entry) {
        int i = index(seq);
        featuresNs[i] = features;
        predictNs[i] = predict;
        policyNs[i] = policy;
        writeNs[i] = write;
        entryNs[i] = entry;
    }

    public boolean seen(int i) {
        return seen[i];
    }

    public boolean measured(int i) {
        return measured[i];
    }

    /** The mode trigger i was read in, or null if it was never planned. */
    public LoopMode mode(int i) {
        return mode[i] < 0 ? null : LoopMode.values()[mode[i]];
    }

    public long triggerNs(int i) {
        return triggerNs[i];
    }

    public long entryNs(int i) {
        return entryNs[i];
    }

    public long writeNs(int i) {
        return writeNs[i];
    }

    /** The duration of {@code part} for trigger i, ns; {@link LoopPart#APPLY} needs the applied time. */
    public long part(int i, LoopPart part, long appliedNs) {
        return switch (part) {
            case WAKEUP -> handlerNs[i] - triggerNs[i];
            case FEATURES -> featuresNs[i] - handlerNs[i];
            case PREDICT -> predictNs[i] - featuresNs[i];
            case POLICY -> policyNs[i] - predictNs[i];
            case MAP_WRITE -> writeNs[i] - policyNs[i];
            case APPLY -> appliedNs - writeNs[i];
        };
    }

    private int index(long seq) {
        if (seq < 0 || seq >= triggerNs.length) {
            throw new IllegalArgumentException("trigger seq " + seq + " outside 0.." + (triggerNs.length - 1));
        }
        return (int) seq;
    }
}
