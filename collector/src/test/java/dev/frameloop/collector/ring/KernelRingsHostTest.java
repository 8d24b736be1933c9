package dev.frameloop.collector.ring;

import dev.frameloop.collector.bench.BenchProducer;
import dev.frameloop.collector.bench.BenchWakeup;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.testing.HostRequirements;
import dev.frameloop.core.ring.ErrorHandler;
import dev.frameloop.core.ring.RingReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java reader against the real kernel: bench.bpf.c produces through BPF_PROG_TEST_RUN into
 * rings that KernelRings sized, created and mapped. Needs root (or CAP_BPF) and libbpf.
 */
class KernelRingsHostTest {
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final ErrorHandler collectErrors = (ring, error) -> errors.add(error);

    @BeforeEach
    void requireBpf() {
        HostRequirements.requireBpfPrivileges();
    }

    @Test
    void shouldReadEveryRecordExactlyOnceInSequenceOrderFromASingleRing() {
        int n = 20_000;
        RingSizes sizes = RingSizes.defaults().with(RingStream.BENCH, RingSize.single(1 << 20));
        try (BenchRings bench = BenchRings.open(sizes, BenchProducer.SINGLE_RING_PROGRAM)) {
            KernelRing ring = bench.rings.rings(RingStream.BENCH).get(0);
            SeqCollector seen = new SeqCollector();
            RingReader reader = new RingReader(ring.id(), ring.name(), ring.mapped().regions(), seen, collectErrors, 64);
            long emitted = 0;
            for (int batch = 0; batch < 4; batch++) {
                emitted += bench.producer.emit(n / 4, (long) batch * (n / 4), 32, BenchWakeup.NONE);
                while (reader.consume() > 0) {
                    // drain what this batch committed
                }
            }
            assertEquals(n, emitted, "the 1 MiB ring holds each 5,000-record batch");
            assertEquals(SeqCollector.range(0, n), seen.all, "every seq once, in order; a gap is a loss, a repeat a duplicate");
            assertEquals(0, bench.rings.drops().drops(RingStream.BENCH, 0));
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void shouldReadRingSetShardsChosenByCpu() throws Exception {
        List<Integer> cpus = CpuAffinity.allowed();
        int shards = Math.max(2, cpus.size());
        RingSizes sizes = RingSizes.defaults().with(RingStream.BENCH_SET, RingSize.set(shards, 64 << 10));
        int perCpu = 500;
        try (BenchRings bench = BenchRings.open(sizes, BenchProducer.RING_SET_PROGRAM)) {
            List<KernelRing> set = bench.rings.rings(RingStream.BENCH_SET);
            assertEquals(shards, set.size(), "one mapped ring per shard");
            List<Integer> cpuOfRun = new ArrayList<>();
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < cpus.size(); i++) {
                        CpuAffinity.set(List.of(cpus.get(i)));
                        cpuOfRun.add(CpuAffinity.current());
                        bench.producer.emit(perCpu, (long) i * perCpu, 24, BenchWakeup.NONE);
                    }
                } finally {
                    CpuAffinity.set(cpus);
                }
            });
            producer.start();
            producer.join();
            SeqCollector seen = new SeqCollector();
            try (RingConsumer consumer = RingConsumer.start(set, seen, collectErrors, IdleMode.SPIN, "test-ring-set")) {
                waitFor(() -> seen.count == (long) perCpu * cpus.size());
            }
            assertEquals(List.of(), errors);
            for (int i = 0; i < cpus.size(); i++) {
                int shard = cpuOfRun.get(i) % shards;
                KernelRing ring = set.get(shard);
                assertEquals(shard, ring.shard());
                List<Long> got = seen.seqsByRing.get(ring.id());
                assertEquals(SeqCollector.range((long) i * perCpu, perCpu), got.subList(0, perCpu),
                        "the records of the run on CPU " + cpuOfRun.get(i) + " are in shard " + shard + ", in order");
            }
            assertEquals((long) perCpu * cpus.size(), seen.all.stream().distinct().count(), "no record read twice");
        }
    }

    @Test
    void shouldCountEveryRecordThatDidNotFitAsADrop() {
        int produced = 2_000;
        RingSizes sizes = RingSizes.defaults().with(RingStream.BENCH, RingSize.single(4096));
        try (BenchRings bench = BenchRings.open(sizes, BenchProducer.SINGLE_RING_PROGRAM)) {
            long emitted = bench.producer.emit(produced, 0, 16, BenchWakeup.NONE);
            long droppedInRun = bench.producer.lastDropped();
            KernelRing ring = bench.rings.rings(RingStream.BENCH).get(0);
            SeqCollector seen = new SeqCollector();
            RingReader reader = new RingReader(ring.id(), ring.name(), ring.mapped().regions(), seen, collectErrors, 1);
            while (reader.consume() > 0) {
                // read everything that fitted
            }
            long read = seen.all.size();
            assertTrue(read > 0 && read < produced, "a 4 KiB ring holds some but not all of 2,000 24-byte records: read " + read);
            assertEquals(emitted, read, "every committed record is read");
            assertEquals(produced - read, bench.rings.drops().drops(RingStream.BENCH, 0), "drops = produced - read");
            assertEquals(produced - read, droppedInRun);
            assertEquals(SeqCollector.range(0, read), seen.all, "the records that fitted are the first ones, in order");
        }
    }

    @Test
    void shouldPassTheWireFormatCheckForTheRealObjects() {
        for (String name : List.of("bench", "events")) {
            try (BpfObject object = BpfObject.openResource(name)) {
                assertDoesNotThrow(() -> KernelRings.verifyWireFormat(object), name + ".bpf.o");
            }
        }
    }

    @Test
    void shouldWakeAnEpollSleeperWhenARecordIsCommitted() throws Exception {
        RingSizes sizes = RingSizes.defaults();
        try (BenchRings bench = BenchRings.open(sizes, BenchProducer.SINGLE_RING_PROGRAM);
             EpollSet epoll = EpollSet.create(1)) {
            KernelRing ring = bench.rings.rings(RingStream.BENCH).get(0);
            epoll.add(ring.mapped().fd(), ring.id());
            AtomicInteger ready = new AtomicInteger(-1);
            CountDownLatch asleep = new CountDownLatch(1);
            CountDownLatch woke = new CountDownLatch(1);
            Thread sleeper = new Thread(() -> {
                asleep.countDown();
                ready.set(epoll.await(-1));
                woke.countDown();
            });
            sleeper.start();
            assertTrue(asleep.await(10, TimeUnit.SECONDS));
            bench.producer.emit(1, 0, 16, BenchWakeup.FORCE);
            assertTrue(woke.await(30, TimeUnit.SECONDS), "a committed record wakes epoll_wait");
            assertEquals(1, ready.get(), "the ring fd is reported ready");
            sleeper.join();
        }
    }

    @Test
    void shouldWakeTheEpollIdleStrategyOnWakeUp() throws Exception {
        try (EpollSet epoll = EpollSet.create(1)) {
            EpollIdleStrategy idle = new EpollIdleStrategy(epoll, -1);
            CountDownLatch woke = new CountDownLatch(1);
            Thread sleeper = new Thread(() -> {
                idle.idle(0);
                woke.countDown();
            });
            sleeper.start();
            idle.wakeUp();
            assertTrue(woke.await(30, TimeUnit.SECONDS), "wakeUp() ends an epoll_wait that has no timeout");
            sleeper.join();
            assertEquals(1, epoll.wakeUps(), "the wake-up was consumed by the sleeper");
        }
    }

    @Test
    void shouldDrainRecordsCommittedWithoutWakeupOnClose() {
        int n = 5_000;
        RingSizes sizes = RingSizes.defaults().with(RingStream.BENCH, RingSize.single(1 << 20));
        try (BenchRings bench = BenchRings.open(sizes, BenchProducer.SINGLE_RING_PROGRAM)) {
            List<KernelRing> rings = bench.rings.rings(RingStream.BENCH);
            SeqCollector seen = new SeqCollector();
            RingConsumer consumer = RingConsumer.start(rings, seen, collectErrors,
                    epoll -> new EpollIdleStrategy(epoll, -1), 64, Duration.ofSeconds(5),
                    RingConsumer.daemonThreads("test-drain"));
            bench.producer.emit(n, 0, 32, BenchWakeup.NONE);
            consumer.close();
            assertEquals(SeqCollector.range(0, n), seen.all,
                    "close() drains what was committed before it, even with no wakeup, each record once and in order");
            assertEquals(List.of(), errors);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(1);
        }
    }
}
