package dev.frameloop.core.policy;

/** Why a policy entry could not be written. */
public enum PolicyWriteFailure {
    /** The map has no room for another tid (E2BIG from the kernel). */
    MAP_FULL,
    /** The thread does not exist (any more). */
    UNKNOWN_TID,
    /** Any other error of the map; the writer logs it. */
    ERROR
}
