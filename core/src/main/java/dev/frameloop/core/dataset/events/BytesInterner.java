package dev.frameloop.core.dataset.events;

import org.apache.parquet.io.api.Binary;

import java.util.Arrays;

/**
 * Turns the bytes of a short raw field (a comm, a path) into a Parquet {@link Binary} without
 * allocating when the same bytes were seen recently: the few distinct thread and program names
 * of a session each get one constant {@code Binary}, which every later row reuses. A bounded
 * open-addressing table; when it fills up it starts over (so memory stays bounded whatever the
 * names). Not thread-safe: one per writer.
 */
final class BytesInterner {
    private final int mask;
    private final int maxEntries;
    private final byte[][] keys;
    private final Binary[] values;
    private final int[] hashes;
    private int entries;

    /** A table of {@code capacity} slots (a power of two), filled to at most half. */
    BytesInterner(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of 2 >= 2, got " + capacity);
        }
        mask = capacity - 1;
        maxEntries = capacity / 2;
        keys = new byte[capacity][];
        values = new Binary[capacity];
        hashes = new int[capacity];
    }

    /** The Binary holding {@code bytes[0, length)}; the array is not retained (copied on a miss). */
    Binary intern(byte[] bytes, int length) {
        int hash = hash(bytes, length);
        int slot = hash & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == hash && Arrays.equals(keys[slot], 0, keys[slot].length, bytes, 0, length)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (entries == maxEntries) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            entries = 0;
            slot = hash & mask;
        }
        byte[] key = Arrays.copyOf(bytes, length);
        keys[slot] = key;
        values[slot] = Binary.fromConstantByteArray(key);
        hashes[slot] = hash;
        entries++;
        return values[slot];
    }

    private static int hash(byte[] bytes, int length) {
        int hash = 0x811C9DC5;
        for (int i = 0; i < length; i++) {
            hash = (hash ^ bytes[i]) * 0x01000193;
        }
        return hash ^ (hash >>> 16);
    }
}
