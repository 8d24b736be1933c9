package dev.frameloop.collector.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Fetches Debian unstable's current {@code linux-image-amd64} kernel with apt, using a private sources
 * list and private state and cache folders under {@code <cache>/debian/} (the system's apt configuration
 * and package database are not touched; the system's archive keys verify the downloads). The packages
 * are unpacked with {@code dpkg-deb -x} and arranged like {@code ../shared/kernels/<release>/}: vmlinuz, config,
 * the module lists, and only the modules the guest loads with their dependency closure (a few MB instead of the
 * package's ~130 MB, and a quick cache-key walk on every run).
 */
final class DebianKernelFetcher implements KernelFetcher {
    static final String SOURCE = "deb http://deb.debian.org/debian unstable main";
    private static final Duration NETWORK_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration LOCAL_TIMEOUT = Duration.ofMinutes(5);

    private final Environment env;
    private final Path aptDir;
    private final List<String> modules;
    private final ModuleDecompressor decompressor;

    DebianKernelFetcher(Environment env, Path aptDir, List<String> modules) {
        this.env = env;
        this.aptDir = aptDir;
        this.modules = List.copyOf(modules);
        this.decompressor = new ModuleDecompressor(env);
    }

    @Override
    public String description() {
        return "Debian unstable's " + DebianKernelPackages.METAPACKAGE + " (apt, into " + aptDir.getParent().resolve("kernels") + ")";
    }

    @Override
    public KernelDir fetch(Path kernelsDir, Consumer<String> progress) throws KernelFetchException {
        Path aptGet = tool("apt-get");
        Path aptCache = tool("apt-cache");
        Path dpkgDeb = tool("dpkg-deb");
        List<String> options = prepareAptDirs();

        progress.accept("fetching the package list of Debian unstable (" + SOURCE + ")");
        run(concat(List.of(aptGet.toString(), "-q"), options, List.of("update")), null, NETWORK_TIMEOUT);

        DebianKernelPackages selected;
        try {
            selected = DebianKernelPackages.select(DebianKernelPackages.METAPACKAGE,
                    name -> DebianControl.parse(show(aptCache, options, name)));
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new KernelFetchException(e.getMessage(), e);
        }
        Path target = kernelsDir.resolve(selected.release());
        if (new KernelDir(target).problem(modules).isEmpty()) {
            return new KernelDir(target);
        }

        Path work;
        try {
            Files.createDirectories(kernelsDir);
            work = Files.createTempDirectory(kernelsDir, ".fetch-");
        } catch (IOException e) {
            throw new KernelFetchException("cannot create a folder under " + kernelsDir + ": " + e.getMessage(), e);
        }
        try {
            progress.accept("downloading " + String.join(", ", selected.packages()));
            Path debs = Files.createDirectory(work.resolve("debs"));
            run(concat(List.of(aptGet.toString(), "-q"), options, List.of("download"), selected.packages()), debs, NETWORK_TIMEOUT);

            progress.accept("unpacking into " + target);
            Path unpacked = Files.createDirectory(work.resolve("root"));
            try (Stream<Path> files = Files.list(debs)) {
                for (Path deb : files.filter(p -> p.toString().endsWith(".deb")).sorted().toList()) {
                    run(List.of(dpkgDeb.toString(), "-x", deb.toString(), unpacked.toString()), null, LOCAL_TIMEOUT);
                }
            }
            Path staging = DebianKernelLayout.arrange(unpacked, selected, work.resolve(selected.release()));
            DebianKernelLayout.keepOnly(staging, modules, decompressor);
            if (Files.exists(target)) {
                // an earlier fetch of this release that lacks what the guest needs now: replace it
                Files.move(target, work.resolve("replaced"), StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // another run may have finished the same release first: use it when it is complete
                if (new KernelDir(target).problem(modules).isPresent()) {
                    throw e;
                }
            }
            return new KernelDir(target);
        } catch (IOException e) {
            throw new KernelFetchException("cannot unpack the kernel into " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Folders.deleteRecursively(work);
            } catch (IOException e) {
                progress.accept("could not remove the temporary folder " + work + ": " + e.getMessage());
            }
        }
    }

    private String show(Path aptCache, List<String> options, String name) {
        try {
            return run(concat(List.of(aptCache.toString()), options, List.of("show", "--no-all-versions", name)), null, LOCAL_TIMEOUT)
                    .stdoutText();
        } catch (KernelFetchException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Creates the private apt folders and returns the options that point apt at them. */
    private List<String> prepareAptDirs() throws KernelFetchException {
        try {
            for (String dir : List.of("etc/sources.list.d", "etc/preferences.d", "state/lists/partial", "cache/archives/partial")) {
                Files.createDirectories(aptDir.resolve(dir));
            }
            Files.writeString(aptDir.resolve("etc/sources.list"), SOURCE + "\n");
            Path status = aptDir.resolve("state/status");
            if (!Files.exists(status)) {
                Files.createFile(status);
            }
        } catch (IOException e) {
            throw new KernelFetchException("cannot prepare " + aptDir + ": " + e.getMessage(), e);
        }
        List<String> o = new ArrayList<>();
        option(o, "Dir::Etc::SourceList", aptDir.resolve("etc/sources.list"));
        option(o, "Dir::Etc::SourceParts", aptDir.resolve("etc/sources.list.d"));
        option(o, "Dir::Etc::Preferences", aptDir.resolve("etc/preferences"));
        option(o, "Dir::Etc::PreferencesParts", aptDir.resolve("etc/preferences.d"));
        option(o, "Dir::State", aptDir.resolve("state"));
        option(o, "Dir::State::status", aptDir.resolve("state/status"));
        option(o, "Dir::Cache", aptDir.resolve("cache"));
        option(o, "Debug::NoLocking", "1");
        option(o, "APT::Sandbox::User", "root");
        option(o, "Acquire::Languages", "none");
        option(o, "APT::Architecture", "amd64");
        option(o, "APT::Architectures", "amd64");
        return o;
    }

    private static void option(List<String> options, String name, Object value) {
        options.add("-o");
        options.add(name + "=" + value);
    }

    private Path tool(String name) throws KernelFetchException {
        return HostTool.find(name, env).orElseThrow(() -> new KernelFetchException(
                name + " not found on PATH (fetching needs a Debian-based host with apt and dpkg)"));
    }

    private static HostTool.Result run(List<String> command, Path workingDirectory, Duration timeout) throws KernelFetchException {
        HostTool.Result result;
        try {
            result = HostTool.run(command, workingDirectory, timeout);
        } catch (UncheckedIOException e) {
            throw new KernelFetchException(e.getCause().getMessage(), e);
        }
        if (!result.succeeded()) {
            throw new KernelFetchException(result.failure());
        }
        return result;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> part : parts) {
            out.addAll(part);
        }
        return out;
    }
}
