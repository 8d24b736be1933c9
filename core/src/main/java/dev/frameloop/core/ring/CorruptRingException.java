package dev.frameloop.core.ring;

/**
 * A ring's positions or a record header cannot be valid: the reader stopped reading that ring
 * rather than hand out garbage. Names the ring, the position and what was read there.
 */
public final class CorruptRingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ringName;
    private final long position;

    /**
     * @param ringName name of the ring
     * @param position position where reading stopped
     * @param message  what is wrong, with the values read
     */
    public CorruptRingException(String ringName, long position, String message) {
        super(message);
        this.ringName = ringName;
        this.position = position;
    }

    /** Name of the ring that stopped. */
    public String ringName() {
        return ringName;
    }

    /** Position (consumer side) where reading stopped. */
    public long position() {
        return position;
    }
}
