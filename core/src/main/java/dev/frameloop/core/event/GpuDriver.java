package dev.frameloop.core.event;

/**
 * DRM driver a GPU submit belongs to.
 * Mirrors {@code enum fl_gpu_driver} of {@code events.h} (enumerators {@code FL_GPU_DRIVER_*}).
 */
public enum GpuDriver implements WireEnum {
    /** Not recognized. */
    UNKNOWN(0),
    /** Intel i915 (execbuffer2). */
    I915(1),
    /** AMD amdgpu (CS). */
    AMDGPU(2),
    /** Intel xe (exec). */
    XE(3),
    /** nouveau. */
    NOUVEAU(4),
    /** NVIDIA proprietary (nv_drm_ioctl). */
    NVIDIA(5),
    /** vgem (tests). */
    VGEM(6);

    /** The C enum this type mirrors, for the layout check. */
    public static final EnumMirror MIRROR = EnumMirror.of("fl_gpu_driver", "FL_GPU_DRIVER_", values());

    private static final GpuDriver[] BY_CODE = new GpuDriver[7];

    static {
        for (GpuDriver value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    GpuDriver(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** The constant with this wire code; {@link #UNKNOWN} for a code this build does not know. */
    public static GpuDriver fromCode(int code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN;
    }
}
