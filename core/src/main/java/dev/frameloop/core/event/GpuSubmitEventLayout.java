package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_gpu_submit_event} (wire format in {@code bpf/include/frameloop/events.h}):
 * A GPU command submission ioctl issued to a DRM device.
 *
 * <p>Little-endian, offsets in bytes from the start of the record. The layout check
 * ({@code dev.frameloop.core.btf.LayoutVerifier}) compares {@link #LAYOUT} with the BTF of the
 * compiled BPF object, field by field.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                       header (24 bytes)                       |  0
 *   |                              ...                              |
 *   +---------------------------------------------------------------+
 *   |                              pid                              |  24
 *   +---------------------------------------------------------------+
 *   |                              tid                              |  28
 *   +---------------------------------------------------------------+
 *   |                           ioctl_cmd                           |  32
 *   +---------------------------------------------------------------+
 *   |                               fd                              |  36
 *   +---------------------------------------------------------------+
 *   |            ioctl_nr           |     driver    |     source    |  40
 *   +-------------------------------+---------------+---------------+
 *   |                              pad0                             |  44
 *   +---------------------------------------------------------------+
 * </pre>
 */
public final class GpuSubmitEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_gpu_submit_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 pid}: Process id of the submitter. */
    public static final int PID_OFFSET = 24;
    /** {@code __u32 tid}: Thread id of the submitter. */
    public static final int TID_OFFSET = 28;
    /** {@code __u32 ioctl_cmd}: Full ioctl request number. */
    public static final int IOCTL_CMD_OFFSET = 32;
    /** {@code __s32 fd}: File descriptor the ioctl was issued on. */
    public static final int FD_OFFSET = 36;
    /** {@code __u16 ioctl_nr}: _IOC_NR(ioctl_cmd): the driver's command number. */
    public static final int IOCTL_NR_OFFSET = 40;
    /** {@code __u8 driver}: Driver the submit belongs to, {@code enum fl_gpu_driver}. */
    public static final int DRIVER_OFFSET = 42;
    /** {@code __u8 source}: Hook that saw the ioctl, {@code enum fl_gpu_submit_source}. */
    public static final int SOURCE_OFFSET = 43;
    /** {@code __u32 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 44;

    /** Size in bytes of {@code struct fl_gpu_submit_event}. */
    public static final int SIZE = 48;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("pid", PID_OFFSET, 4),
            new FieldLayout("tid", TID_OFFSET, 4),
            new FieldLayout("ioctl_cmd", IOCTL_CMD_OFFSET, 4),
            new FieldLayout("fd", FD_OFFSET, 4),
            new FieldLayout("ioctl_nr", IOCTL_NR_OFFSET, 2),
            new FieldLayout("driver", DRIVER_OFFSET, 1),
            new FieldLayout("source", SOURCE_OFFSET, 1),
            new FieldLayout("pad0", PAD0_OFFSET, 4)));

    private GpuSubmitEventLayout() {
    }
}
