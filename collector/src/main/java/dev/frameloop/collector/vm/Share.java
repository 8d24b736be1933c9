package dev.frameloop.collector.vm;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A host folder the guest mounts read-write at the same absolute path, over the read-only host root. */
public record Share(String tag, Path hostPath) {

    public Share {
        if (tag.length() > 31) {
            throw new IllegalArgumentException("9p mount tags have at most 31 characters: " + tag);
        }
        if (!hostPath.isAbsolute()) {
            throw new IllegalArgumentException("share path must be absolute: " + hostPath);
        }
    }

    /**
     * The shares for {@code requested} folders (the working directory when none are given): real paths,
     * duplicates dropped, parents before the folders inside them, tags {@code fl_share0}, {@code fl_share1} ….
     */
    public static List<Share> plan(List<Path> requested, Path workingDirectory) {
        List<Path> folders = requested.isEmpty() ? List.of(workingDirectory) : requested;
        Set<Path> real = new LinkedHashSet<>();
        for (Path folder : folders) {
            Path absolute = workingDirectory.resolve(folder);
            if (!Files.isDirectory(absolute)) {
                throw new UserFacingException(ExitCodes.USAGE, "--share " + folder + ": not an existing folder");
            }
            Path resolved;
            try {
                resolved = absolute.toRealPath();
            } catch (IOException e) {
                throw new UserFacingException(ExitCodes.IO_ERROR, "--share " + folder + ": " + e.getMessage(), e);
            }
            if (resolved.getNameCount() == 0) {
                throw new UserFacingException(ExitCodes.USAGE,
                        "--share /: the host root is already shared read-only; share the folders the command writes to");
            }
            real.add(resolved);
        }
        List<Path> ordered = new ArrayList<>(real);
        ordered.sort(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
        List<Share> shares = new ArrayList<>();
        for (Path p : ordered) {
            shares.add(new Share("fl_share" + shares.size(), p));
        }
        return shares;
    }

    /** The line of {@code shares.sh} that makes the guest mount this share. */
    String guestLine() {
        return "share " + ShellQuoting.quote(tag) + " " + ShellQuoting.quote(hostPath.toString()) + "\n";
    }
}
