package dev.frameloop.ml.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The class-data-sharing archive the build makes beside the shaded jar ({@code frameloop.jar} →
 * {@code frameloop.jsa}, by {@code ml/src/build/class-data-archive.sh}): a JVM started with it maps frameloop's
 * classes already parsed and verified. It is used only while it is newer than the jar (a rebuilt jar makes it
 * stale, and the JVM would then ignore it and the JDK's own archive with it); {@code -Xshare:auto} makes an
 * archive that cannot be mapped a silent no-op.
 */
public final class ClassDataArchive {
    private ClassDataArchive() {
    }

    /** The JVM options that use the archive of {@code classPath} (a single jar); none when there is no fresh one. */
    public static List<String> options(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return List.of();
        }
        Path jar = Path.of(classPath);
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
        try {
            if (Files.isRegularFile(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xshare:auto");
            }
        } catch (IOException e) {
            return List.of(); // no archive: the JVM only starts slower
        }
        return List.of();
    }
}
