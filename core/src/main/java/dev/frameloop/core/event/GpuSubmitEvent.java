package dev.frameloop.core.event;

import java.util.Objects;

/**
 * A GPU command submission ioctl issued to a DRM device.
 *
 * <p>Immutable value of one {@code struct fl_gpu_submit_event} for APIs; the hot path reads the
 * same fields in place with {@link GpuSubmitEventFlyweight}.
 *
 * @param cpu CPU the event was emitted on ({@code header.cpu}).
 * @param timestampNs CLOCK_MONOTONIC ns when it happened ({@code header.timestamp_ns}).
 * @param pid Process id of the submitter. Unsigned in C, always below 2<sup>31</sup>.
 * @param tid Thread id of the submitter. Unsigned in C, always below 2<sup>31</sup>.
 * @param ioctlCmd Full ioctl request number.
 * @param fd File descriptor the ioctl was issued on.
 * @param ioctlNr _IOC_NR(ioctl_cmd): the driver's command number.
 * @param driver Driver the submit belongs to, {@code enum fl_gpu_driver}.
 * @param source Hook that saw the ioctl, {@code enum fl_gpu_submit_source}.
 */
public record GpuSubmitEvent(
        int cpu,
        long timestampNs,
        int pid,
        int tid,
        long ioctlCmd,
        int fd,
        int ioctlNr,
        GpuDriver driver,
        GpuSubmitSource source) {

    /** Checks the components; byte arrays are copied so the record stays immutable. */
    public GpuSubmitEvent {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(source, "source");
    }
}
