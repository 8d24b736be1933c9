package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassDataArchiveTest {
    @TempDir
    Path dir;

    @Test
    void shouldUseTheArchiveBesideTheJarWhileItIsNewerThanTheJar() throws IOException {
        Path jar = file("frameloop.jar", 100);
        Path archive = file("frameloop.jsa", 200);

        assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), ClassDataArchive.options(jar.toString()));
    }

    @Test
    void shouldIgnoreAnArchiveThatTheJarHasOutlived() throws IOException {
        Path jar = file("frameloop.jar", 300);
        file("frameloop.jsa", 200);

        assertEquals(List.of(), ClassDataArchive.options(jar.toString()));
    }

    @Test
    void shouldAskForNoArchiveWhenThereIsNoneOrTheClassPathIsNotOneJar() throws IOException {
        Path jar = file("frameloop.jar", 100);
        file("classes.jsa", 200);

        assertEquals(List.of(), ClassDataArchive.options(jar.toString()));
        assertEquals(List.of(), ClassDataArchive.options(jar + File.pathSeparator + dir.resolve("other.jar")));
        assertEquals(List.of(), ClassDataArchive.options(dir.resolve("classes").toString()));
        assertEquals(List.of(), ClassDataArchive.options(null));
    }

    private Path file(String name, long epochSecond) throws IOException {
        Path file = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        return file;
    }
}
