package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleLoadOrderTest {
    /** The dependencies `modinfo -F depends` shows for the pinned 7.2.13 kernel's modules. */
    private static final Map<String, List<String>> PINNED = Map.ofEntries(
            Map.entry("netfs", List.of()),
            Map.entry("9pnet", List.of("netfs")),
            Map.entry("9pnet_virtio", List.of("9pnet")),
            Map.entry("9p", List.of("9pnet", "netfs")),
            Map.entry("uinput", List.of()),
            Map.entry("drm", List.of()),
            Map.entry("drm_kms_helper", List.of("drm")),
            Map.entry("drm_shmem_helper", List.of("drm", "drm_kms_helper")),
            Map.entry("vgem", List.of("drm", "drm_shmem_helper")),
            Map.entry("soundcore", List.of()),
            Map.entry("snd", List.of("soundcore")),
            Map.entry("snd-timer", List.of("snd")),
            Map.entry("snd-pcm", List.of("snd-timer", "snd")),
            Map.entry("snd-aloop", List.of("snd-pcm", "snd", "snd-timer")));

    @Test
    void shouldKeepTheGuestOrderWhenItAlreadySatisfiesTheDependencies() {
        assertEquals(GuestModules.REQUIRED, ModuleLoadOrder.resolve(GuestModules.REQUIRED, PINNED::get, m -> false));
    }

    @Test
    void shouldLoadDependenciesFirstAndAddThoseNotRequested() {
        List<String> order = ModuleLoadOrder.resolve(List.of("snd-aloop", "vgem"), PINNED::get, m -> false);

        assertEquals(List.of("soundcore", "snd", "snd-timer", "snd-pcm", "snd-aloop", "drm", "drm_kms_helper",
                "drm_shmem_helper", "vgem"), order);
    }

    @Test
    void shouldTreatDashesAndUnderscoresAsTheSameName() {
        Map<String, List<String>> deps = Map.of("a", List.of("snd_pcm"), "snd-pcm", List.of());
        List<String> asked = new ArrayList<>();

        List<String> order = ModuleLoadOrder.resolve(List.of("snd-pcm", "a"), name -> {
            asked.add(name);
            return deps.getOrDefault(name, deps.get(name.replace('_', '-')));
        }, m -> false);

        assertEquals(List.of("snd-pcm", "a"), order);
        assertEquals(List.of("snd-pcm", "a"), asked, "each module is read once");
    }

    @Test
    void shouldSkipBuiltInModules() {
        Set<String> builtin = Set.of("netfs", "9pnet");

        List<String> order = ModuleLoadOrder.resolve(List.of("9p"), PINNED::get, builtin::contains);

        assertEquals(List.of("9p"), order);
    }

    @Test
    void shouldReportACycle() {
        Map<String, List<String>> deps = Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ModuleLoadOrder.resolve(List.of("a"), deps::get, m -> false));

        assertTrue(e.getMessage().contains("a -> b -> c -> a"), e.getMessage());
    }
}
