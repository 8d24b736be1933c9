package dev.frameloop.collector.vm;

import java.util.List;

/** The modules every guest loads, in load order: the 9p root first, then the devices tests drive. */
public final class GuestModules {
    /** 9p for the shared folders; uinput, vgem (DRM) and snd-aloop (ALSA) for real input, DRM and sound devices. */
    public static final List<String> REQUIRED = List.of(
            "netfs", "9pnet", "9pnet_virtio", "9p",
            "uinput",
            "drm", "drm_kms_helper", "drm_shmem_helper", "vgem",
            "soundcore", "snd", "snd-timer", "snd-pcm", "snd-aloop");

    private GuestModules() {
    }
}
