package dev.frameloop.core.ring;

import java.util.ArrayList;
import java.util.List;

/** Test error handler that keeps every error with the ring it came from. */
final class CollectingErrorHandler implements ErrorHandler {
    final List<Throwable> errors = new ArrayList<>();
    final List<String> rings = new ArrayList<>();

    @Override
    public synchronized void onError(RingReader ring, Throwable error) {
        errors.add(error);
        rings.add(ring.name());
    }
}
