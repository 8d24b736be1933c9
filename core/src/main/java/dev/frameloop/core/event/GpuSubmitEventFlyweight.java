package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_gpu_submit_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the handler call that gave it the buffer.
 * A GPU command submission ioctl issued to a DRM device.
 *
 * @see GpuSubmitEventLayout
 */
public final class GpuSubmitEventFlyweight extends EventFlyweight {

    @Override
    public GpuSubmitEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /** {@code pid}: Process id of the submitter. Unsigned in C, always below 2<sup>31</sup>. */
    public int pid() {
        return LittleEndian.s32(buffer, offset + GpuSubmitEventLayout.PID_OFFSET);
    }

    /** {@code tid}: Thread id of the submitter. Unsigned in C, always below 2<sup>31</sup>. */
    public int tid() {
        return LittleEndian.s32(buffer, offset + GpuSubmitEventLayout.TID_OFFSET);
    }

    /** {@code ioctl_cmd}: Full ioctl request number. */
    public long ioctlCmd() {
        return LittleEndian.u32(buffer, offset + GpuSubmitEventLayout.IOCTL_CMD_OFFSET);
    }

    /** {@code fd}: File descriptor the ioctl was issued on. */
    public int fd() {
        return LittleEndian.s32(buffer, offset + GpuSubmitEventLayout.FD_OFFSET);
    }

    /** {@code ioctl_nr}: _IOC_NR(ioctl_cmd): the driver's command number. */
    public int ioctlNr() {
        return LittleEndian.u16(buffer, offset + GpuSubmitEventLayout.IOCTL_NR_OFFSET);
    }

    /** {@code driver}: Driver the submit belongs to, {@code enum fl_gpu_driver}. */
    public GpuDriver driver() {
        return GpuDriver.fromCode(LittleEndian.u8(buffer, offset + GpuSubmitEventLayout.DRIVER_OFFSET));
    }

    /** {@code source}: Hook that saw the ioctl, {@code enum fl_gpu_submit_source}. */
    public GpuSubmitSource source() {
        return GpuSubmitSource.fromCode(LittleEndian.u8(buffer, offset + GpuSubmitEventLayout.SOURCE_OFFSET));
    }

    /** Copies the event into an immutable {@link GpuSubmitEvent} (allocates: for APIs, not the hot path). */
    public GpuSubmitEvent toRecord() {
        return new GpuSubmitEvent(
                cpu(),
                timestampNs(),
                pid(),
                tid(),
                ioctlCmd(),
                fd(),
                ioctlNr(),
                driver(),
                source());
    }
}
