/**
 * The VM runner behind {@code frameloop vm}: one command, run as root in a guest booted on a sched_ext kernel.
 *
 * <pre>
 * VmCommand ─ options, exit codes
 *   ├─ KernelResolver ── --kernel │ $FRAMELOOP_KERNEL │ ../shared/kernels/&lt;newest&gt; │ cache │ DebianKernelFetcher
 *   ├─ InitramfsBuilder ─ busybox-static + init.sh (resource) + modules (ModuleLoadOrder over .modinfo depends)
 *   │                      → ~/.cache/frameloop/initramfs/&lt;key&gt;.cpio (CpioWriter, atomic rename)
 *   ├─ GuestCommand ───── argv, cwd, environment → command.sh (every string single-quoted)
 *   └─ VmRunner
 *        ├─ ControlFolder ─ per-run host folder, guest's /run/frameloop: command.sh, shares.sh ← status
 *        ├─ OutputPump ×2 ─ Unix sockets ← qemu virtio-serial ports ← the command's stdout / stderr
 *        ├─ QemuProcess ─── qemu -accel tcg; killed on close, on JVM shutdown, and (setpriv) on frameloop's death
 *        └─ ConsoleWatcher  serial console → stderr; finds "Kernel panic" and the guest init's errors
 * </pre>
 *
 * In the guest, {@code init.sh} loads the modules, mounts the host root read-only over 9p with proc, sys, dev,
 * bpffs, tracefs, debugfs and tmpfs folders over it, mounts the control folder and the read-write shares,
 * runs {@code command.sh} in a chroot, writes the exit status into the control folder and powers off. The
 * host takes the status from that file, not from the console.
 */
package dev.frameloop.collector.vm;
