package dev.frameloop.core.ring;

import java.nio.ByteBuffer;

/**
 * Receives each committed record of a ring, in ring order, on the consumer thread.
 *
 * <p>The record is {@code buffer[offset, offset + length)}: the payload only, contiguous even
 * when it wraps the end of the ring. {@code buffer} is a read-only view of the mapped data
 * area; read it in place (e.g. with a flyweight) and do not keep it, or any offset into it,
 * after returning: the space goes back to the kernel. An exception thrown here goes to the
 * reader's {@link ErrorHandler} and the record counts as consumed.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * @param ringId id the reader was given (distinguishes rings sharing one handler)
     * @param buffer read-only view of the ring's data area
     * @param offset index in {@code buffer} of the first payload byte
     * @param length payload length in bytes, as the producer reserved it
     */
    void onEvent(int ringId, ByteBuffer buffer, int offset, int length);
}
