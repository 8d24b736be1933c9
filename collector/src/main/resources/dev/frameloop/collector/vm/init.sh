#!/bin/sh
# PID 1 of a `frameloop vm` guest, run by busybox from the initramfs.
#
# Loads the modules listed in /etc/frameloop/modules, mounts the host root read-only at $root
# with the kernel file systems and tmpfs folders over it, mounts the control folder and the
# read-write shares the host listed, runs the command the host wrote (inside a chroot into the
# host root, with the host's /bin/sh), writes its exit status into the control folder and
# powers off. The command's stdout and stderr go to two virtio ports the host streams to its
# own stdout and stderr; this script writes only to the console, and only when something is
# wrong, with the prefix "frameloop-guest:" that the host looks for.

/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin

root=/mnt/root
control=$root/run/frameloop
ninep=trans=virtio,version=9p2000.L,msize=262144

power_off() {
    sync
    poweroff -f
    echo o > /proc/sysrq-trigger
    sleep 10
}

fail() {
    echo "frameloop-guest: $*"
    power_off
}

warn() {
    echo "frameloop-guest: warning: $*"
}

mount -t proc proc /proc || fail "cannot mount /proc"
mount -t sysfs sysfs /sys || fail "cannot mount /sys"
mount -t devtmpfs devtmpfs /dev || fail "cannot mount devtmpfs on /dev"

while read -r module; do
    [ -n "$module" ] || continue
    insmod "/lib/modules/$module" || fail "insmod $module failed"
done < /etc/frameloop/modules

mount -t 9p -o "$ninep,ro,cache=loose" fl_root "$root" || fail "cannot mount the host root (9p tag fl_root)"

mount -t proc proc "$root/proc" || fail "cannot mount /proc"
mount -t sysfs sysfs "$root/sys" || fail "cannot mount /sys"
mount -t devtmpfs devtmpfs "$root/dev" || fail "cannot mount devtmpfs on /dev"
mkdir -p "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o gid=5,mode=0620,ptmxmode=0666 devpts "$root/dev/pts" || fail "cannot mount /dev/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm" || fail "cannot mount /dev/shm"
ln -sf /proc/self/fd "$root/dev/fd"
ln -sf /proc/self/fd/0 "$root/dev/stdin"
ln -sf /proc/self/fd/1 "$root/dev/stdout"
ln -sf /proc/self/fd/2 "$root/dev/stderr"
mount -t bpf bpf "$root/sys/fs/bpf" || warn "cannot mount bpffs on /sys/fs/bpf"
mount -t tracefs tracefs "$root/sys/kernel/tracing" || warn "cannot mount tracefs on /sys/kernel/tracing"
mount -t debugfs debugfs "$root/sys/kernel/debug" || warn "cannot mount debugfs on /sys/kernel/debug"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp" || fail "cannot mount a tmpfs on /tmp"
mount -t tmpfs -o mode=0755 tmpfs "$root/run" || fail "cannot mount a tmpfs on /run"
mkdir -p "$control"
mount -t 9p -o "$ninep" fl_ctl "$control" || fail "cannot mount the control folder (9p tag fl_ctl)"

# called by shares.sh, once per share, parents before children: share TAG HOST-PATH
share() {
    mkdir -p "$root$2" 2>/dev/null
    mount -t 9p -o "$ninep" "$1" "$root$2" || fail "cannot mount the share $2 (9p tag $1)"
}
. "$control/shares.sh"

# the device node of the virtio port the host named $1
port() {
    for p in /sys/class/virtio-ports/*; do
        if [ "$(cat "$p/name" 2>/dev/null)" = "$1" ]; then
            echo "/dev/${p##*/}"
            return
        fi
    done
}
out=$(port frameloop.stdout)
err=$(port frameloop.stderr)
[ -c "$out" ] || fail "no virtio port frameloop.stdout"
[ -c "$err" ] || fail "no virtio port frameloop.stderr"

hostname frameloop-vm
ip link set lo up 2>/dev/null || warn "cannot bring up the loopback interface"

cd /
env -i chroot "$root" /bin/sh /run/frameloop/command.sh < /dev/null > "$out" 2> "$err"
echo "$?" > "$control/status" || fail "cannot write the exit status into the control folder"
power_off
