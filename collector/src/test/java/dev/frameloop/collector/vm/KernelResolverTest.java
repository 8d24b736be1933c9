package dev.frameloop.collector.vm;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelResolverTest {
    private static final List<String> MODULES = List.of("9p", "vgem");

    @TempDir
    Path tmp;

    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final FakeFetcher fetcher = new FakeFetcher();
    private final List<String> notes = new ArrayList<>();

    private Path kernel(Path dir) {
        return TestKernels.create(dir, Map.of("9p", "", "vgem", ""));
    }

    private KernelResolver resolver() {
        properties.putIfAbsent("user.home", tmp.resolve("home").toString());
        return new KernelResolver(Environment.of(variables, properties), fetcher, MODULES, notes::add);
    }

    private Path projectRoot() {
        Path root = tmp.resolve("checkout");
        TestKernels.write(root.resolve("pom.xml"), "<project/>");
        properties.put(KernelResolver.ROOT_PROPERTY, root.toString());
        return root;
    }

    @Test
    void shouldPreferTheKernelOptionOverEverythingElse() {
        Path option = kernel(tmp.resolve("option"));
        variables.put(KernelResolver.KERNEL_VARIABLE, kernel(tmp.resolve("variable")).toString());
        kernel(projectRoot().resolve("../shared/kernels/7.2.13"));

        assertEquals(option, resolver().resolve(Optional.of(option)).dir());
        assertEquals(0, fetcher.calls);
    }

    @Test
    void shouldUseTheEnvironmentVariableWhenNoOptionIsGiven() {
        Path variable = kernel(tmp.resolve("variable"));
        variables.put(KernelResolver.KERNEL_VARIABLE, variable.toString());
        kernel(projectRoot().resolve("../shared/kernels/7.2.13"));

        assertEquals(variable, resolver().resolve(Optional.empty()).dir());
    }

    @Test
    void shouldFailOnAnUnusableKernelOptionInsteadOfFallingBack() {
        Path empty = tmp.resolve("empty");
        TestKernels.write(empty.resolve("README"), "no kernel here");
        kernel(projectRoot().resolve("../shared/kernels/7.2.13"));

        UserFacingException e = assertThrows(UserFacingException.class, () -> resolver().resolve(Optional.of(empty)));

        assertEquals(ExitCodes.UNAVAILABLE, e.exitCode());
        assertTrue(e.getMessage().contains("--kernel " + empty), e.getMessage());
        assertTrue(e.getMessage().contains("no vmlinuz"), e.getMessage());
        assertEquals(0, fetcher.calls);
    }

    @Test
    void shouldFailOnAnUnusableEnvironmentVariable() {
        Path partial = TestKernels.create(tmp.resolve("partial"), Map.of("9p", ""));
        variables.put(KernelResolver.KERNEL_VARIABLE, partial.toString());

        UserFacingException e = assertThrows(UserFacingException.class, () -> resolver().resolve(Optional.empty()));

        assertTrue(e.getMessage().contains(KernelResolver.KERNEL_VARIABLE + "=" + partial), e.getMessage());
        assertTrue(e.getMessage().contains("vgem"), e.getMessage());
    }

    @Test
    void shouldPickTheNewestUsableReleaseBesideTheCheckout() {
        Path kernels = projectRoot().resolve("../shared/kernels");
        kernel(kernels.resolve("7.2.13+deb14-amd64"));
        Path newest = kernel(kernels.resolve("7.10.1+deb14-amd64"));
        TestKernels.write(kernels.resolve("7.11.0-notes/README"), "no vmlinuz");

        assertEquals(newest.normalize(), resolver().resolve(Optional.empty()).dir());
    }

    @Test
    void shouldPassOverABrokenNewerRelease() {
        Path kernels = projectRoot().resolve("../shared/kernels");
        Path older = kernel(kernels.resolve("7.2.13"));
        TestKernels.create(kernels.resolve("7.3.0"), Map.of("9p", ""));

        assertEquals(older.normalize(), resolver().resolve(Optional.empty()).dir());
    }

    @Test
    void shouldUseAKernelFetchedEarlierBeforeFetchingAgain() {
        projectRoot();
        Path cached = kernel(tmp.resolve("home/.cache/frameloop/kernels/7.2.13"));

        assertEquals(cached, resolver().resolve(Optional.empty()).dir());
        assertEquals(0, fetcher.calls);
    }

    @Test
    void shouldHonourXdgCacheHome() {
        variables.put("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        Path cached = kernel(tmp.resolve("xdg/frameloop/kernels/7.2.13"));

        assertEquals(cached, resolver().resolve(Optional.empty()).dir());
    }

    @Test
    void shouldFetchIntoTheCacheAsTheLastResort() {
        projectRoot();
        fetcher.result = dir -> kernel(dir.resolve("7.2.14"));

        KernelDir fetched = resolver().resolve(Optional.empty());

        assertEquals(1, fetcher.calls);
        assertEquals(tmp.resolve("home/.cache/frameloop/kernels"), fetcher.lastTarget);
        assertEquals(tmp.resolve("home/.cache/frameloop/kernels/7.2.14"), fetched.dir());
        assertTrue(notes.stream().anyMatch(n -> n.contains("fetching")), notes.toString());
    }

    @Test
    void shouldListWhatWasTriedAndHowToFixItWhenNoKernelIsFound() {
        Path root = projectRoot();
        fetcher.failure = "apt-get exited with 100: Temporary failure resolving 'deb.debian.org'";

        UserFacingException e = assertThrows(UserFacingException.class, () -> resolver().resolve(Optional.empty()));

        String message = e.getMessage();
        assertEquals(ExitCodes.UNAVAILABLE, e.exitCode());
        assertTrue(message.contains("--kernel: not given"), message);
        assertTrue(message.contains(KernelResolver.KERNEL_VARIABLE + ": not set"), message);
        assertTrue(message.contains(root.resolve("../shared/kernels").normalize() + ": does not exist"), message);
        assertTrue(message.contains("kernels: does not exist"), message);
        assertTrue(message.contains("Temporary failure resolving"), message);
        assertTrue(message.contains("pass --kernel DIR") && message.contains("bin/setup"), message);
        assertTrue(!message.contains("\n"), "one line: " + message);
    }

    @Test
    void shouldSayThatTheProjectRootIsUnknownWithoutTheLauncher() {
        fetcher.failure = "offline";

        UserFacingException e = assertThrows(UserFacingException.class, () -> resolver().resolve(Optional.empty()));

        assertTrue(e.getMessage().contains(KernelResolver.ROOT_PROPERTY + " not set"), e.getMessage());
    }

    @Test
    void shouldRejectAFetchedKernelThatLacksModules() {
        projectRoot();
        fetcher.result = dir -> TestKernels.create(dir.resolve("7.2.14"), Map.of("9p", ""));

        UserFacingException e = assertThrows(UserFacingException.class, () -> resolver().resolve(Optional.empty()));

        assertTrue(e.getMessage().contains("vgem"), e.getMessage());
    }

    @Test
    void shouldAcceptModulesThatAreBuiltIn() {
        Path dir = TestKernels.create(tmp.resolve("builtin"), Map.of("9p", ""));
        TestKernels.write(dir.resolve("modules.builtin"), "kernel/drivers/gpu/drm/vgem/vgem.ko\n");

        assertEquals(dir, resolver().resolve(Optional.of(dir)).dir());
    }

    @Test
    void shouldRejectAKernelWhoseConfigLacksWhatTheGuestNeeds() {
        Path dir = kernel(tmp.resolve("no-virtio-console"));
        TestKernels.write(dir.resolve("config"), "CONFIG_BLK_DEV_INITRD=y\nCONFIG_DEVTMPFS=y\nCONFIG_VIRTIO_PCI=y\n"
                + "# CONFIG_VIRTIO_CONSOLE is not set\n");

        UserFacingException e = assertThrows(UserFacingException.class, () -> resolver().resolve(Optional.of(dir)));

        assertTrue(e.getMessage().contains("config lacks CONFIG_VIRTIO_CONSOLE=y"), e.getMessage());
    }

    /** Stands in for the Debian fetch. */
    private static final class FakeFetcher implements KernelFetcher {
        int calls;
        Path lastTarget;
        String failure;
        java.util.function.Function<Path, Path> result;

        @Override
        public String description() {
            return "the fake fetcher";
        }

        @Override
        public KernelDir fetch(Path kernelsDir, Consumer<String> progress) throws KernelFetchException {
            calls++;
            lastTarget = kernelsDir;
            if (failure != null || result == null) {
                throw new KernelFetchException(failure == null ? "no result configured" : failure);
            }
            progress.accept("fake fetch");
            return new KernelDir(result.apply(kernelsDir));
        }
    }
}
