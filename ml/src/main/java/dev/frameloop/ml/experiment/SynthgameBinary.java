package dev.frameloop.ml.experiment;

import dev.frameloop.collector.cli.CheckoutRoot;
import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds synthgame and its injector (they must sit in one folder), first hit wins: the checkout's
 * {@code ml/target/workloads/} (a stable path, for uprobes); the copies the jar carries ({@code /workloads/},
 * extracted into a temporary folder that {@link #close()} deletes).
 */
public final class SynthgameBinary implements AutoCloseable {
    static final List<String> FILES = List.of("synthgame", "synthgame-inject");

    private final Path dir;
    private final boolean extracted;

    private SynthgameBinary(Path dir, boolean extracted) {
        this.dir = dir;
        this.extracted = extracted;
    }

    public static SynthgameBinary locate() {
        Optional<Path> root = CheckoutRoot.find();
        if (root.isPresent()) {
            Path built = root.get().resolve("ml/target/workloads");
            if (FILES.stream().allMatch(f -> Files.isExecutable(built.resolve(f)))) {
                return new SynthgameBinary(built, false);
            }
        }
        if (SynthgameBinary.class.getResource("/workloads/synthgame") != null) {
            try {
                Path dir = Files.createTempDirectory("frameloop-synthgame-");
                for (String f : FILES) {
                    try (InputStream in = SynthgameBinary.class.getResourceAsStream("/workloads/" + f)) {
                        if (in == null) {
                            throw new UserFacingException(ExitCodes.UNAVAILABLE, "this jar carries /workloads/synthgame but not /workloads/" + f
                                    + "; rebuild with mvn -B package");
                        }
                        Files.copy(in, dir.resolve(f));
                    }
                    Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rwx------"));
                }
                return new SynthgameBinary(dir, true);
            } catch (IOException e) {
                throw new UncheckedIOException("extracting synthgame from the jar", e);
            }
        }
        throw new UserFacingException(ExitCodes.UNAVAILABLE, "synthgame is missing: neither "
                + root.map(r -> r.resolve("ml/target/workloads/synthgame").toString()).orElse("ml/target/workloads/synthgame of a checkout")
                + " nor /workloads/synthgame in this jar; build it with mvn -B -DskipTests package (needs cc: sudo bin/setup)");
    }

    public Path synthgame() {
        return dir.resolve("synthgame");
    }

    @Override
    public void close() {
        if (!extracted) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the extracted synthgame in " + dir, e);
        }
    }
}
