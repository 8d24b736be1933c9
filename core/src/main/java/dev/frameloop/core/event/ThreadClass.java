package dev.frameloop.core.event;

/**
 * Role of a thread, as the scheduler boosts it.
 * Mirrors {@code enum fl_thread_class} of {@code events.h} (enumerators {@code FL_CLASS_*}).
 */
public enum ThreadClass implements WireEnum {
    /** Not classified. */
    UNKNOWN(0),
    /** Handles input events. */
    INPUT(1),
    /** Renders or submits GPU work. */
    RENDER(2),
    /** Feeds an audio device. */
    AUDIO(3),
    /** Compositor. */
    COMPOSITOR(4),
    /** Other thread of a detected game (game logic). */
    GAME(5),
    /** Everything else. */
    BACKGROUND(6);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_thread_class", "FL_CLASS_", values());

    private static final ThreadClass[] BY_CODE = new ThreadClass[7];

    static {
        for (ThreadClass value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    ThreadClass(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static ThreadClass fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
