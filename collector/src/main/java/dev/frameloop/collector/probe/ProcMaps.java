package dev.frameloop.collector.probe;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Finds mapped files in the text of {@code /proc/<pid>/maps}. */
public final class ProcMaps {
    private static final String DELETED = " (deleted)";

    private ProcMaps() {
    }

    /**
     * The path of the first mapped file whose name is {@code fileName} or starts with
     * {@code fileName + "."} (so "libc.so" finds ".../libc.so.6").
     */
    public static Optional<String> findLibrary(String mapsText, String fileName) {
        return mappedFiles(mapsText).stream().filter(path -> {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name.equals(fileName) || name.startsWith(fileName + ".");
        }).findFirst();
    }

    /** Every file mapped, once each, in order of first mapping; files deleted since they were mapped are left out. */
    public static Set<String> mappedFiles(String mapsText) {
        Set<String> paths = new LinkedHashSet<>();
        for (String line : mapsText.split("\n")) {
            // address perms offset dev inode [path]; the path is the 6th field and may contain spaces
            String[] f = line.trim().split("\\s+", 6);
            if (f.length == 6 && f[5].startsWith("/") && !f[5].endsWith(DELETED)) {
                paths.add(f[5]);
            }
        }
        return paths;
    }
}
