package dev.frameloop.core.dataset.bench;

import dev.frameloop.core.event.EventHeaderLayout;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FrameSource;
import dev.frameloop.core.event.FrameTimingEventFlyweight;
import dev.frameloop.core.event.FrameTimingEventLayout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Frame-timing wire records for benchmarks, as the BPF programs write them: four games on eight
 * CPUs presenting at ~60–240 Hz with jitter, realistic latencies, the odd dropped frame and
 * missed vblank. Deterministic (seeded). {@link #row} cycles over the buffer with a flyweight,
 * allocation-free.
 */
public final class FrameTimingSamples implements RowSource<FrameTimingEventFlyweight> {
    private final ByteBuffer buffer;
    private final int count;
    private final FrameTimingEventFlyweight flyweight = new FrameTimingEventFlyweight();

    /** {@code count} records generated from {@code seed}. */
    public FrameTimingSamples(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        this.count = count;
        this.buffer = generate(count, seed);
    }

    @Override
    public FrameTimingEventFlyweight row(long index) {
        return flyweight.wrap(buffer, (int) (index % count) * FrameTimingEventLayout.SIZE);
    }

    private static ByteBuffer generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int games = 4;
        long[] periodNs = {16_666_667, 6_944_444, 8_333_333, 4_166_667};
        long[] lastPresent = new long[games];
        long[] frameSeq = new long[games];
        long now = 1_000_000_000_000L;
        ByteBuffer buffer = ByteBuffer.allocateDirect(count * FrameTimingEventLayout.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            int game = random.nextInt(games);
            now += random.nextLong(50_000, 1_500_000);
            long interval = frameSeq[game] == 0 ? 0 : periodNs[game] + (long) (random.nextGaussian() * 400_000);
            lastPresent[game] = now;
            frameSeq[game]++;
            int base = i * FrameTimingEventLayout.SIZE;
            buffer.putShort(base + EventHeaderLayout.TYPE_OFFSET, (short) EventType.FRAME_TIMING.code());
            buffer.putShort(base + EventHeaderLayout.VERSION_OFFSET, (short) EventType.FRAME_TIMING.version());
            buffer.putInt(base + EventHeaderLayout.SIZE_OFFSET, FrameTimingEventLayout.SIZE);
            buffer.putInt(base + EventHeaderLayout.CPU_OFFSET, random.nextInt(8));
            buffer.putLong(base + EventHeaderLayout.TIMESTAMP_NS_OFFSET, now);
            buffer.putInt(base + FrameTimingEventLayout.PID_OFFSET, 4200 + game * 17);
            buffer.putInt(base + FrameTimingEventLayout.TID_OFFSET, 4200 + game * 17 + random.nextInt(3));
            buffer.putLong(base + FrameTimingEventLayout.FRAME_INTERVAL_NS_OFFSET, Math.max(0, interval));
            buffer.putLong(base + FrameTimingEventLayout.GPU_TO_PRESENT_NS_OFFSET, random.nextLong(800_000, 6_000_000));
            buffer.putLong(base + FrameTimingEventLayout.COMPOSITOR_LATENCY_NS_OFFSET,
                    random.nextInt(10) == 0 ? 0 : random.nextLong(300_000, 3_000_000));
            buffer.putLong(base + FrameTimingEventLayout.SWAPCHAIN_ID_OFFSET, 0x5581_0000_0000L + game * 0x40);
            buffer.putInt(base + FrameTimingEventLayout.FRAME_SEQ_OFFSET, (int) frameSeq[game]);
            buffer.put(base + FrameTimingEventLayout.SOURCE_OFFSET,
                    (byte) (game % 2 == 0 ? FrameSource.VK_QUEUE_PRESENT : FrameSource.GLX_SWAP_BUFFERS).code());
            buffer.put(base + FrameTimingEventLayout.FRAME_DROPPED_OFFSET, (byte) (random.nextInt(100) == 0 ? 1 : 0));
            buffer.put(base + FrameTimingEventLayout.VSYNC_MISSED_OFFSET, (byte) (random.nextInt(30) == 0 ? 1 : 0));
        }
        return buffer;
    }
}
