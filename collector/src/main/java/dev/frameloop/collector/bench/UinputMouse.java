package dev.frameloop.collector.bench;

import com.sun.jna.Native;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.jna.LibC;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A virtual mouse on {@code /dev/uinput} (REL_X/REL_Y and BTN_LEFT: a mouse by its capability bits), for the standard
 * load of {@code bench probes}: each {@link #move()} writes an EV_REL REL_X +1 and an EV_SYN SYN_REPORT, two
 * {@code input_event()} calls in the kernel (the input probe's hook).
 *
 * <pre>
 *   struct uinput_setup (92 bytes)           struct input_event (24 bytes, x86-64)
 *   0  u16 bustype, vendor, product, version  0  struct timeval (16; the kernel sets it)
 *   8  char name[80]                          16 u16 type, 18 u16 code
 *   88 u32 ff_effects_max                     20 s32 value
 * </pre>
 */
final class UinputMouse implements AutoCloseable {
    static final Path DEVICE = Path.of("/dev/uinput");
    private static final long UI_SET_EVBIT = 0x40045564L;
    private static final long UI_SET_KEYBIT = 0x40045565L;
    private static final long UI_SET_RELBIT = 0x40045566L;
    private static final long UI_DEV_SETUP = 0x405c5503L;
    private static final long UI_DEV_CREATE = 0x5501L;
    private static final long UI_DEV_DESTROY = 0x5502L;
    private static final int EV_SYN = 0;
    private static final int EV_KEY = 1;
    private static final int EV_REL = 2;
    private static final int REL_X = 0;
    private static final int REL_Y = 1;
    private static final int BTN_LEFT = 0x110;
    private static final int BUS_VIRTUAL = 0x06;
    private static final int EVENT_BYTES = 24;

    private final int fd;
    private final ByteBuffer move = ByteBuffer.allocateDirect(2 * EVENT_BYTES).order(ByteOrder.nativeOrder());

    private UinputMouse(int fd) {
        this.fd = fd;
        event(0, EV_REL, REL_X, 1);
        event(EVENT_BYTES, EV_SYN, 0, 0);
    }

    /** The mouse, created; empty when this machine has no writable /dev/uinput. */
    static Optional<UinputMouse> create() {
        if (!Files.isWritable(DEVICE)) {
            return Optional.empty();
        }
        LibC.requireAvailable();
        int fd = LibC.open(DEVICE.toString(), LibC.O_WRONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0) {
            throw new IllegalStateException("open " + DEVICE + ": " + Errno.describe(Native.getLastError()));
        }
        try {
            ioctl(fd, UI_SET_EVBIT, EV_KEY, "UI_SET_EVBIT EV_KEY");
            ioctl(fd, UI_SET_KEYBIT, BTN_LEFT, "UI_SET_KEYBIT BTN_LEFT");
            ioctl(fd, UI_SET_EVBIT, EV_REL, "UI_SET_EVBIT EV_REL");
            ioctl(fd, UI_SET_RELBIT, REL_X, "UI_SET_RELBIT REL_X");
            ioctl(fd, UI_SET_RELBIT, REL_Y, "UI_SET_RELBIT REL_Y");
            ByteBuffer setup = ByteBuffer.allocateDirect(92).order(ByteOrder.nativeOrder());
            setup.putShort(0, (short) BUS_VIRTUAL).putShort(2, (short) 0xf1a0).putShort(4, (short) 0x0002);
            setup.put(8, "frameloop bench mouse".getBytes(StandardCharsets.US_ASCII));
            if (LibC.ioctl(fd, UI_DEV_SETUP, setup) < 0) {
                throw new IllegalStateException("UI_DEV_SETUP: " + Errno.describe(Native.getLastError()));
            }
            ioctl(fd, UI_DEV_CREATE, 0, "UI_DEV_CREATE");
            return Optional.of(new UinputMouse(fd));
        } catch (RuntimeException e) {
            LibC.close(fd);
            throw e;
        }
    }

    private static void ioctl(int fd, long request, long arg, String what) {
        if (LibC.ioctl(fd, request, arg) < 0) {
            throw new IllegalStateException(what + " on " + DEVICE + ": " + Errno.describe(Native.getLastError()));
        }
    }

    private void event(int at, int type, int code, int value) {
        move.putShort(at + 16, (short) type).putShort(at + 18, (short) code).putInt(at + 20, value);
    }

    /** One move: two input events. */
    void move() {
        if (LibC.write(fd, move, move.capacity()) != move.capacity()) {
            throw new IllegalStateException("write " + DEVICE + ": " + Errno.describe(Native.getLastError()));
        }
    }

    @Override
    public void close() {
        LibC.ioctl(fd, UI_DEV_DESTROY, 0L);
        LibC.close(fd);
    }
}
