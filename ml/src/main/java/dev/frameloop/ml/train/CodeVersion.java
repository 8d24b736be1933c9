package dev.frameloop.ml.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The code version for model cards: the jar's version and, in a git checkout, the commit. */
public final class CodeVersion {
    private static final String VERSION = compute();

    private CodeVersion() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT git 42ae945+dirty}. */
    public static String current() {
        return VERSION;
    }

    private static String compute() {
        String version = CodeVersion.class.getPackage().getImplementationVersion();
        StringBuilder s = new StringBuilder(version == null ? "development build" : version);
        try {
            Path location = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = location.toFile().isDirectory() ? location : location.getParent();
            String commit = git(dir, "rev-parse", "--short=12", "HEAD");
            if (!commit.isEmpty()) {
                s.append(" git ").append(commit);
                if (!git(dir, "status", "--porcelain", "--untracked-files=no").isEmpty()) {
                    s.append("+dirty");
                }
            }
        } catch (Exception e) {
            s.append(" (commit unknown: ").append(e.getClass().getSimpleName()).append(')');
        }
        return s.toString();
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "";
        }
        return out;
    }
}
