package dev.frameloop.core.ring;

/**
 * The one place where errors of a consume loop go: exceptions thrown by an
 * {@link EventHandler} (the loop goes on with the next record) and
 * {@link CorruptRingException}s (that ring stops; the other rings go on). Called on the
 * consumer thread. It must not throw: an exception thrown here ends the consume loop.
 */
@FunctionalInterface
public interface ErrorHandler {

    /**
     * @param ring  the reader of the ring where the error happened
     * @param error what went wrong
     */
    void onError(RingReader ring, Throwable error);
}
