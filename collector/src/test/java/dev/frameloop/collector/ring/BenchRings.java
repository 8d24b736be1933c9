package dev.frameloop.collector.ring;

import dev.frameloop.collector.bench.BenchProducer;
import dev.frameloop.collector.bpf.BpfObject;

/** The loaded bench object, its rings (sized as asked) and a producer: what the host tests share. */
final class BenchRings implements AutoCloseable {
    final BpfObject object;
    final KernelRings rings;
    final BenchProducer producer;

    private BenchRings(BpfObject object, KernelRings rings, BenchProducer producer) {
        this.object = object;
        this.rings = rings;
        this.producer = producer;
    }

    static BenchRings open(RingSizes sizes, String program) {
        BpfObject object = BpfObject.openResource("bench");
        try {
            RingPlan plan = KernelRings.configure(object, sizes);
            object.load();
            KernelRings rings = plan.open();
            return new BenchRings(object, rings, new BenchProducer(object, program));
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            producer.close();
            rings.close();
        } finally {
            object.close();
        }
    }
}
