package dev.frameloop.collector.doctor;

import java.util.Optional;

/** Finds mapped files in the text of {@code /proc/<pid>/maps}. */
final class ProcMaps {
    private ProcMaps() {
    }

    /**
     * The path of the first mapped file whose name is {@code fileName} or starts with
     * {@code fileName + "."} (so "libc.so" finds ".../libc.so.6").
     */
    static Optional<String> findLibrary(String mapsText, String fileName) {
        for (String line : mapsText.split("\n")) {
            // address perms offset dev inode [path]; the path is the 6th field and may contain spaces
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6 || !f[5].startsWith("/")) {
                continue;
            }
            String path = f[5];
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.equals(fileName) || name.startsWith(fileName + ".")) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
