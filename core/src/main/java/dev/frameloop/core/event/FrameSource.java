package dev.frameloop.core.event;

/**
 * Presentation hook that saw a frame.
 * Mirrors {@code enum fl_frame_source} of {@code events.h} (enumerators {@code FL_FRAME_SOURCE_*}).
 */
public enum FrameSource implements WireEnum {
    /** Not set. */
    UNKNOWN(0),
    /** uprobe on glXSwapBuffers. */
    GLX_SWAP_BUFFERS(1),
    /** uprobe on eglSwapBuffers. */
    EGL_SWAP_BUFFERS(2),
    /** uprobe on the Vulkan present the driver/WSI runs. */
    VK_QUEUE_PRESENT(3),
    /** uprobe on xcb_present_pixmap (X11 Present). */
    XCB_PRESENT_PIXMAP(4),
    /** uprobe on xcb_put_image (software WSI and GL under X11). */
    XCB_PUT_IMAGE(5),
    /** uprobe on wl_surface_commit (Wayland). */
    WL_SURFACE_COMMIT(6),
    /** DRM page flip. */
    DRM_PAGE_FLIP(7),
    /** DRM vblank. */
    DRM_VBLANK(8),
    /** uprobe on a present function the user named (--frame-hook BINARY:FUNCTION). */
    APP_PRESENT(9);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_frame_source", "FL_FRAME_SOURCE_", values());

    private static final FrameSource[] BY_CODE = new FrameSource[10];

    static {
        for (FrameSource value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    FrameSource(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static FrameSource fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
