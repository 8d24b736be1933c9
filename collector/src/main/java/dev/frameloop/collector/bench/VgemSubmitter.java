package dev.frameloop.collector.bench;

import com.sun.jna.Native;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibC;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Submit-style ioctls on the vgem DRM device, for the standard load of {@code bench probes}: each {@link #submit()}
 * attaches a fence to a dumb buffer (DRM_IOCTL_VGEM_FENCE_ATTACH, what the GPU-submit probe counts as a submit) and
 * signals it (DRM_IOCTL_VGEM_FENCE_SIGNAL): two {@code drm_ioctl()} calls.
 *
 * <pre>
 *   struct drm_mode_create_dumb (32 bytes): u32 height, width, bpp, flags, handle (16), pitch; u64 size
 *   struct drm_vgem_fence_attach (16 bytes): u32 handle, flags (1: write), out_fence (8), pad
 *   struct drm_vgem_fence_signal (8 bytes):  u32 fence, flags
 * </pre>
 */
final class VgemSubmitter implements AutoCloseable {
    private static final Path DRM_CLASS = Path.of("/sys/class/drm");
    private static final long DRM_IOCTL_MODE_CREATE_DUMB = 0xc02064b2L;
    private static final long DRM_IOCTL_VGEM_FENCE_ATTACH = 0xc0106441L;
    private static final long DRM_IOCTL_VGEM_FENCE_SIGNAL = 0x40086442L;

    private final int fd;
    private final Path device;
    private final int handle;
    private final ByteBuffer attach = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
    private final ByteBuffer signal = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());

    private VgemSubmitter(int fd, Path device, int handle) {
        this.fd = fd;
        this.device = device;
        this.handle = handle;
    }

    /**
     * Whether a DRM card is vgem's: its device (a faux device {@code /sys/devices/faux/vgem} on recent kernels, a
     * platform device before) or that device's driver is named vgem.
     */
    private static boolean isVgem(Path card) {
        try {
            Path device = card.resolve("device").toRealPath();
            if (device.getFileName().toString().equals("vgem")) {
                return true;
            }
            Path driver = device.resolve("driver");
            return Files.isSymbolicLink(driver) && driver.toRealPath().getFileName().toString().equals("vgem");
        } catch (IOException e) {
            return false; // no device link: not vgem
        }
    }

    /** The card node of the vgem driver, if loaded. */
    static Optional<Path> findCard() {
        try (Stream<Path> cards = Files.list(DRM_CLASS)) {
            return cards.filter(c -> c.getFileName().toString().matches("card\\d+"))
                    .filter(VgemSubmitter::isVgem)
                    .map(c -> Path.of("/dev/dri").resolve(c.getFileName()))
                    .filter(Files::isWritable)
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty(); // no DRM class: no DRM driver loaded
        }
    }

    /** The submitter on vgem's card, with a dumb buffer to fence; empty when vgem is not loaded. */
    static Optional<VgemSubmitter> open() {
        Optional<Path> card = findCard();
        if (card.isEmpty()) {
            return Optional.empty();
        }
        LibC.requireAvailable();
        int fd = LibC.open(card.get().toString(), LibC.O_RDWR | LibC.O_CLOEXEC);
        if (fd < 0) {
            throw new IllegalStateException("open " + card.get() + ": " + Errno.describe(Native.getLastError()));
        }
        ByteBuffer dumb = ByteBuffer.allocateDirect(32).order(ByteOrder.nativeOrder());
        dumb.putInt(0, 64).putInt(4, 64).putInt(8, 32);
        if (LibC.ioctl(fd, DRM_IOCTL_MODE_CREATE_DUMB, dumb) < 0) {
            int errno = Native.getLastError();
            LibC.close(fd);
            throw new IllegalStateException("DRM_IOCTL_MODE_CREATE_DUMB on " + card.get() + ": " + Errno.describe(errno));
        }
        return Optional.of(new VgemSubmitter(fd, card.get(), dumb.getInt(16)));
    }

    /** One submit: a fence attached (the probe's submit) and signalled. */
    void submit() {
        attach.putInt(0, handle).putInt(4, 1).putInt(8, 0).putInt(12, 0);
        if (LibC.ioctl(fd, DRM_IOCTL_VGEM_FENCE_ATTACH, attach) < 0) {
            throw new IllegalStateException("DRM_IOCTL_VGEM_FENCE_ATTACH on " + device + ": " + Errno.describe(Native.getLastError()));
        }
        signal.putInt(0, attach.getInt(8)).putInt(4, 0);
        if (LibC.ioctl(fd, DRM_IOCTL_VGEM_FENCE_SIGNAL, signal) < 0) {
            throw new IllegalStateException("DRM_IOCTL_VGEM_FENCE_SIGNAL on " + device + ": " + Errno.describe(Native.getLastError()));
        }
    }

    @Override
    public void close() {
        LibC.close(fd);
    }
}
