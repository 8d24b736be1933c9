package dev.frameloop.core.dataset.storage;

import java.io.IOException;

/**
 * An exclusive lock on a file, held by one process (a recorder holds the lock of its session
 * so that fsck never repairs a session that is still being written). Closing releases it and
 * deletes the lock file.
 */
public interface StorageLock extends AutoCloseable {

    /**
     * Whether the lock excludes other processes. False on storages that cannot lock (object
     * stores, HDFS): such a lock is a formality and callers must judge liveness otherwise.
     */
    boolean exclusive();

    /** Releases the lock and leaves the lock file in place. */
    void release() throws IOException;

    /** Deletes the lock file and releases the lock. */
    @Override
    void close() throws IOException;
}
