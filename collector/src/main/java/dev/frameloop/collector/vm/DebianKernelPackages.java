package dev.frameloop.collector.vm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which packages hold the kernel a Debian kernel metapackage points at. Follows {@code Depends} from
 * the metapackage through the {@code linux-image-*} packages, and picks {@code linux-binary-<release>}
 * (vmlinuz), {@code linux-modules-<release>} (modules) and, when present, {@code linux-base-<release>}
 * (config, modules.builtin). A release without the binary/modules split is taken from its
 * {@code linux-image-<release>} package.
 */
record DebianKernelPackages(String release, List<String> packages) {
    static final String METAPACKAGE = "linux-image-amd64";
    private static final String IMAGE = "linux-image-";
    private static final String BINARY = "linux-binary-";
    private static final String MODULES = "linux-modules-";
    private static final String BASE = "linux-base-";

    DebianKernelPackages {
        packages = List.copyOf(packages);
    }

    /**
     * @param show a package's control stanza, as {@code apt-cache show} gives it
     * @throws IllegalStateException when the dependencies do not lead to a kernel
     */
    static DebianKernelPackages select(String metapackage, Function<String, DebianControl> show) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> images = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of(metapackage));
        while (!queue.isEmpty()) {
            String name = queue.poll();
            for (String dependency : show.apply(name).relations("Depends")) {
                if (seen.add(dependency) && dependency.startsWith(IMAGE)) {
                    images.add(dependency);
                    queue.add(dependency);
                }
            }
        }
        Optional<String> binary = seen.stream().filter(p -> p.startsWith(BINARY)).findFirst();
        if (binary.isPresent()) {
            String release = binary.get().substring(BINARY.length());
            if (!seen.contains(MODULES + release)) {
                throw new IllegalStateException(metapackage + " depends on " + binary.get() + " but not on " + MODULES + release);
            }
            List<String> packages = new ArrayList<>(List.of(binary.get(), MODULES + release));
            if (seen.contains(BASE + release)) {
                packages.add(BASE + release);
            }
            return new DebianKernelPackages(release, packages);
        }
        if (images.isEmpty()) {
            throw new IllegalStateException(metapackage + " depends on no linux-binary-* or linux-image-* package");
        }
        String image = images.get(images.size() - 1);
        return new DebianKernelPackages(image.substring(IMAGE.length()), List.of(image));
    }
}
