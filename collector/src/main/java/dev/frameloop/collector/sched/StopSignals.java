package dev.frameloop.collector.sched;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns SIGINT and SIGTERM into a request to stop that the main loop sees, instead of the JVM's
 * default of exiting at once: the command then detaches and reports before it exits. A second
 * signal while stopping ends the process immediately (128 + signal number); the kernel still
 * unregisters the scheduler, because its link's fd closes with the process.
 */
public final class StopSignals implements AutoCloseable {
    private static final String[] NAMES = {"INT", "TERM"};

    private final AtomicReference<String> received = new AtomicReference<>();
    private final CountDownLatch latch = new CountDownLatch(1);
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals() {
    }

    public static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            signals.previous.put(signal, Signal.handle(signal, signals::onSignal));
        }
        return signals;
    }

    private void onSignal(Signal signal) {
        if (!received.compareAndSet(null, "SIG" + signal.getName())) {
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        latch.countDown();
    }

    /** Waits up to timeoutMillis for a signal; the name ("SIGINT") of the first one received, if any. */
    public Optional<String> await(long timeoutMillis) throws InterruptedException {
        latch.await(timeoutMillis, TimeUnit.MILLISECONDS);
        return Optional.ofNullable(received.get());
    }

    /** Restores the handlers that were there before. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
