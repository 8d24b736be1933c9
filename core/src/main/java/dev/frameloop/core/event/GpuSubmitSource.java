package dev.frameloop.core.event;

/**
 * Hook that saw a GPU submit.
 * Mirrors {@code enum fl_gpu_submit_source} of {@code events.h} (enumerators {@code FL_GPU_SUBMIT_SOURCE_*}).
 */
public enum GpuSubmitSource implements WireEnum {
    /** Not set. */
    UNKNOWN(0),
    /** fentry on drm_ioctl. */
    FENTRY_DRM_IOCTL(1),
    /** Tracepoint syscalls/sys_enter_ioctl filtered on DRM ioctl numbers. */
    TP_SYS_ENTER_IOCTL(2);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_gpu_submit_source", "FL_GPU_SUBMIT_SOURCE_", values());

    private static final GpuSubmitSource[] BY_CODE = new GpuSubmitSource[3];

    static {
        for (GpuSubmitSource value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    GpuSubmitSource(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static GpuSubmitSource fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
