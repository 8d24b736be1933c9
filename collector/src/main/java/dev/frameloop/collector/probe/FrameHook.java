package dev.frameloop.collector.probe;

import dev.frameloop.core.event.FrameSource;

import java.util.List;
import java.util.Objects;

/**
 * A present function the frame probe (probes/frame.bpf.h) hooks: where it lives, what it is called, which
 * frame source it reports and which of its arguments is the presented surface's handle.
 *
 * @param file      a library's file name as the dynamic linker finds it ("libxcb.so.1"), or an absolute path
 * @param function  the exported function
 * @param source    the frame source reported for frames whose outermost hooked call is this one
 * @param handleArg 1-based argument holding the drawable/surface/window (0: none)
 */
public record FrameHook(String file, String function, FrameSource source, int handleArg) {
    /**
     * The window-system and API presents of GL, EGL and Vulkan programs under X11. Vulkan: apps often call the
     * driver's present directly (volk, vkGetDeviceProcAddr, Proton), so the loader's vkQueuePresentKHR may see
     * nothing (FIELD-NOTES); every X11 swapchain ends in xcb_put_image (software WSI, GL under Xvfb) or
     * xcb_present_pixmap (hardware drivers). Nesting (glvnd's libGL -> libGLX -> xcb) counts once.
     */
    public static final List<FrameHook> DEFAULTS = List.of(
            new FrameHook("libGL.so.1", "glXSwapBuffers", FrameSource.GLX_SWAP_BUFFERS, 2),
            new FrameHook("libGLX.so.0", "glXSwapBuffers", FrameSource.GLX_SWAP_BUFFERS, 2),
            new FrameHook("libEGL.so.1", "eglSwapBuffers", FrameSource.EGL_SWAP_BUFFERS, 2),
            new FrameHook("libxcb-present.so.0", "xcb_present_pixmap", FrameSource.XCB_PRESENT_PIXMAP, 2),
            new FrameHook("libxcb.so.1", "xcb_put_image", FrameSource.XCB_PUT_IMAGE, 3));

    public FrameHook {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(source, "source");
        if (file.isEmpty() || function.isEmpty()) {
            throw new IllegalArgumentException("a frame hook needs a file and a function, was '" + file + ":" + function + "'");
        }
        if (handleArg < 0 || handleArg > 3) {
            throw new IllegalArgumentException("a frame hook's handle argument is 0 (none) or 1..3, was " + handleArg);
        }
    }

    /**
     * {@code --frame-hook PATH:FUNCTION}: the application's own present function in an executable or library
     * (e.g. {@code ml/target/workloads/synthgame:synthgame_present}), reported as {@link FrameSource#APP_PRESENT}.
     */
    public static FrameHook parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("--frame-hook wants PATH:FUNCTION (an executable or library and the function"
                    + " it presents a frame with), was '" + spec + "'");
        }
        String path = spec.substring(0, colon);
        if (!path.startsWith("/") && !path.contains("/")) {
            throw new IllegalArgumentException("--frame-hook PATH:FUNCTION: PATH must be a path (./game or /opt/game/bin), was '"
                    + path + "'");
        }
        return new FrameHook(path, spec.substring(colon + 1), FrameSource.APP_PRESENT, 0);
    }

    /** A library file name (looked up in the library directories and in the games' maps), not a path. */
    public boolean isLibraryName() {
        return !file.contains("/");
    }

    /** What bpf_get_attach_cookie() returns in fl_frame_enter/fl_frame_exit: FL_FRAME_COOKIE(source, handle_arg). */
    public long cookie() {
        return source.code() | ((long) handleArg << 8);
    }

    /** "uprobe:glXSwapBuffers@libGL.so.1". */
    public String label() {
        return ProgramKind.UPROBE.label() + ":" + function + "@" + file.substring(file.lastIndexOf('/') + 1);
    }
}
