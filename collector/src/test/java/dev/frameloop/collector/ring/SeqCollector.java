package dev.frameloop.collector.ring;

import dev.frameloop.core.event.BenchRecordFlyweight;
import dev.frameloop.core.ring.EventHandler;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the seq of every bench record, per ring id. */
final class SeqCollector implements EventHandler {
    private final BenchRecordFlyweight record = new BenchRecordFlyweight();
    final Map<Integer, List<Long>> seqsByRing = new TreeMap<>();
    final List<Long> all = new ArrayList<>();
    volatile long count;

    @Override
    public synchronized void onEvent(int ringId, ByteBuffer buffer, int offset, int length) {
        long seq = record.wrap(buffer, offset).seq();
        seqsByRing.computeIfAbsent(ringId, id -> new ArrayList<>()).add(seq);
        all.add(seq);
        count++;
    }

    static List<Long> range(long from, long count) {
        List<Long> seqs = new ArrayList<>();
        for (long s = from; s < from + count; s++) {
            seqs.add(s);
        }
        return seqs;
    }
}
