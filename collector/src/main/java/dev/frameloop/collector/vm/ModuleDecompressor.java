package dev.frameloop.collector.vm;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a kernel module file as the plain ELF that {@code insmod} needs: {@code .ko} as is,
 * {@code .ko.gz} in Java, {@code .ko.xz} and {@code .ko.zst} through the host's {@code xz} / {@code zstd}.
 */
final class ModuleDecompressor {
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);
    private final Environment env;

    ModuleDecompressor(Environment env) {
        this.env = env;
    }

    byte[] read(Path module) {
        String name = module.getFileName().toString();
        try {
            if (name.endsWith(".ko")) {
                return Files.readAllBytes(module);
            }
            if (name.endsWith(".ko.gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(module))) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + module, e);
        }
        if (name.endsWith(".ko.xz")) {
            return viaTool("xz", "xz-utils", module);
        }
        if (name.endsWith(".ko.zst")) {
            return viaTool("zstd", "zstd", module);
        }
        throw new IllegalArgumentException("not a kernel module file: " + module);
    }

    private byte[] viaTool(String tool, String debianPackage, Path module) {
        Path program = HostTool.find(tool, env).orElseThrow(() -> new UserFacingException(ExitCodes.UNAVAILABLE,
                tool + " not found on PATH (needed to decompress " + module.getFileName()
                        + "); install the Debian package " + debianPackage + " (or run: sudo bin/setup)"));
        HostTool.Result result = HostTool.run(List.of(program.toString(), "-dc", module.toString()), null, TOOL_TIMEOUT);
        if (!result.succeeded()) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "cannot decompress " + module + ": " + result.failure());
        }
        return result.stdout();
    }
}
