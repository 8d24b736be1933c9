package dev.frameloop.collector.bench;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.collector.cli.CheckoutRoot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Finds {@code ringbuf_ref}, the libbpf reference consumer ({@code bpf/tools/ringbuf_ref.c}), first
 * hit wins: an explicit path; the copy the jar carries ({@code /bpf/tools/ringbuf_ref}, extracted
 * to a temporary file that {@link #close()} deletes); the checkout's {@code bpf/target/native/}.
 * It is linked against the system's libbpf ({@code libbpf1}).
 */
public final class RefConsumerTool implements AutoCloseable {
    /** The tool's file name. */
    public static final String NAME = "ringbuf_ref";
    /** Where the jar carries it. */
    public static final String RESOURCE = "/bpf/tools/" + NAME;

    private final Path path;
    private final boolean extracted;

    private RefConsumerTool(Path path, boolean extracted) {
        this.path = path;
        this.extracted = extracted;
    }

    /**
     * Locates the tool.
     *
     * @param explicit a path given by the user, if any
     * @throws UserFacingException (unavailable) saying where it looked and how to build it
     */
    public static RefConsumerTool locate(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            Path p = explicit.get();
            if (!Files.isExecutable(p)) {
                throw new UserFacingException(ExitCodes.UNAVAILABLE, "the reference consumer " + p
                        + " does not exist or is not executable");
            }
            return new RefConsumerTool(p, false);
        }
        try (InputStream in = RefConsumerTool.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Path file = Files.createTempFile("frameloop-" + NAME + "-", "");
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
                return new RefConsumerTool(file, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("extracting " + RESOURCE, e);
        }
        Optional<Path> root = CheckoutRoot.find();
        if (root.isPresent()) {
            Path built = root.get().resolve("bpf/target/native/" + NAME);
            if (Files.isExecutable(built)) {
                return new RefConsumerTool(built, false);
            }
        }
        throw new UserFacingException(ExitCodes.UNAVAILABLE, "the libbpf reference consumer " + NAME
                + " is missing: it is neither in this jar (" + RESOURCE + ") nor at "
                + root.map(r -> r.resolve("bpf/target/native/" + NAME).toString()).orElse("bpf/target/native/" + NAME + " of a checkout")
                + "; build it with bpf/build-bpf.sh (needs cc and libbpf-dev: sudo bin/setup), or pass --ref-consumer PATH");
    }

    public Path path() {
        return path;
    }

    /** Deletes the extracted copy, if this is one. */
    @Override
    public void close() {
        if (extracted) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("deleting " + path, e);
            }
        }
    }
}
