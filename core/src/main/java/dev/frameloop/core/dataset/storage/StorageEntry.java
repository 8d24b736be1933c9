package dev.frameloop.core.dataset.storage;

import java.util.Objects;

/**
 * One entry of a folder listing.
 *
 * @param name      the entry's name inside its folder
 * @param directory whether it is a folder
 * @param size      size in bytes (0 for folders)
 */
public record StorageEntry(String name, boolean directory, long size) {

    /** Checks the invariants. */
    public StorageEntry {
        Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException(name + ": size must be >= 0, got " + size);
        }
    }
}
