package dev.frameloop.collector.vm;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the guest kernel; the first hit wins:
 * <ol>
 *   <li>{@code --kernel DIR}</li>
 *   <li>{@code $FRAMELOOP_KERNEL}</li>
 *   <li>{@code <project root>/../shared/kernels/<release>/}, newest release first (root from {@code frameloop.root})</li>
 *   <li>a kernel fetched earlier into {@code <cache>/kernels/<release>/}, newest first</li>
 *   <li>a fresh fetch ({@link KernelFetcher}) into that cache</li>
 * </ol>
 * A folder the user names (1, 2) must be usable: an unusable one is an error, not skipped.
 */
public final class KernelResolver {
    public static final String KERNEL_VARIABLE = "FRAMELOOP_KERNEL";
    public static final String ROOT_PROPERTY = "frameloop.root";
    private static final String FIX = "pass --kernel DIR or set " + KERNEL_VARIABLE
            + "=DIR (a folder with vmlinuz and modules/, like ../shared/kernels/<release>/), or run bin/setup";

    private final Environment env;
    private final KernelFetcher fetcher;
    private final List<String> modules;
    private final Consumer<String> progress;

    KernelResolver(Environment env, KernelFetcher fetcher, List<String> modules, Consumer<String> progress) {
        this.env = env;
        this.fetcher = fetcher;
        this.modules = List.copyOf(modules);
        this.progress = progress;
    }

    /** The resolver the {@code vm} command uses: Debian unstable as the last resort. */
    public static KernelResolver standard(Environment env, Consumer<String> progress) {
        return new KernelResolver(env, new DebianKernelFetcher(env, env.cacheDirectory().resolve("debian"),
                GuestModules.REQUIRED), GuestModules.REQUIRED, progress);
    }

    public KernelDir resolve(Optional<Path> kernelOption) {
        List<String> tried = new ArrayList<>();
        Optional<KernelDir> local = findLocal(kernelOption, tried);
        if (local.isPresent()) {
            return local.get();
        }
        Path cache = env.cacheDirectory().resolve("kernels");
        progress.accept("no usable local guest kernel; fetching " + fetcher.description());
        try {
            KernelDir fetched = fetcher.fetch(cache, progress);
            Optional<String> problem = fetched.problem(modules);
            if (problem.isEmpty()) {
                return fetched;
            }
            tried.add(fetcher.description() + ": fetched " + fetched.dir() + " but " + problem.get());
        } catch (KernelFetcher.KernelFetchException e) {
            tried.add(fetcher.description() + ": " + e.getMessage());
        }
        throw new UserFacingException(ExitCodes.UNAVAILABLE,
                "no usable guest kernel; tried " + String.join("; ", tried) + ". To fix: " + FIX);
    }

    /**
     * The first usable kernel already on this machine, in resolution order ({@code --kernel},
     * {@code $FRAMELOOP_KERNEL}, {@code ../shared/kernels}, the cache), without fetching anything.
     * {@code tried} collects why each other place was passed over. A folder the user named that is
     * unusable is an error, not a reason to look further.
     */
    public Optional<KernelDir> findLocal(Optional<Path> kernelOption, List<String> tried) {
        if (kernelOption.isPresent()) {
            return Optional.of(named("--kernel " + kernelOption.get(), kernelOption.get()));
        }
        Optional<String> fromVariable = env.variable(KERNEL_VARIABLE);
        if (fromVariable.isPresent()) {
            return Optional.of(named(KERNEL_VARIABLE + "=" + fromVariable.get(), Path.of(fromVariable.get())));
        }
        tried.add("--kernel: not given");
        tried.add(KERNEL_VARIABLE + ": not set");

        Optional<String> root = env.property(ROOT_PROPERTY);
        if (root.isPresent()) {
            Optional<KernelDir> hit = newestUsable(Path.of(root.get()).resolve("../shared/kernels").normalize(), tried);
            if (hit.isPresent()) {
                return hit;
            }
        } else {
            tried.add("../shared/kernels: unknown project root (" + ROOT_PROPERTY + " not set; run through bin/frameloop)");
        }
        return newestUsable(env.cacheDirectory().resolve("kernels"), tried);
    }

    private KernelDir named(String source, Path dir) {
        KernelDir kernel = new KernelDir(dir);
        Optional<String> problem = kernel.problem(modules);
        if (problem.isPresent()) {
            throw new UserFacingException(ExitCodes.UNAVAILABLE,
                    source + " is not a usable guest kernel: " + problem.get() + ". To fix: " + FIX);
        }
        return kernel;
    }

    /** The newest usable {@code <parent>/<release>/}; notes in {@code tried} why others were passed over. */
    private Optional<KernelDir> newestUsable(Path parent, List<String> tried) {
        if (!Files.isDirectory(parent)) {
            tried.add(parent + ": does not exist");
            return Optional.empty();
        }
        List<Path> releases;
        try (Stream<Path> children = Files.list(parent)) {
            releases = children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.exists(p.resolve("vmlinuz")))
                    .sorted((a, b) -> VersionOrder.INSTANCE.compare(b.getFileName().toString(), a.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
        if (releases.isEmpty()) {
            tried.add(parent + ": no <release>/vmlinuz in it");
            return Optional.empty();
        }
        for (Path release : releases) {
            KernelDir kernel = new KernelDir(release);
            Optional<String> problem = kernel.problem(modules);
            if (problem.isEmpty()) {
                return Optional.of(kernel);
            }
            tried.add(release + ": " + problem.get());
        }
        return Optional.empty();
    }
}
