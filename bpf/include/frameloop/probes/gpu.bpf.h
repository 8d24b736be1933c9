/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GPU-submit probe: one struct fl_gpu_submit_event per command-submission ioctl issued to a DRM
 * device, into fl_rb_gpu_submit; the submitting thread's last_drm_submit_ns (threads.bpf.h) is
 * stamped for the classifier (render class), and its process's (fl_procs) for the frame probe.
 *
 * Submit ioctls, by full request number (uapi headers: direction, 'd', DRM_COMMAND_BASE + nr,
 * argument size):
 *   i915     DRM_IOCTL_I915_GEM_EXECBUFFER2 (and _WR)   struct drm_i915_gem_execbuffer2, 64 bytes
 *   amdgpu   DRM_IOCTL_AMDGPU_CS                        union drm_amdgpu_cs, 24 bytes
 *   xe       DRM_IOCTL_XE_EXEC                          struct drm_xe_exec, 56 bytes
 *   nouveau  DRM_IOCTL_NOUVEAU_GEM_PUSHBUF, _EXEC       64, 40 bytes
 *   vgem     DRM_IOCTL_VGEM_FENCE_ATTACH                struct drm_vgem_fence_attach, 16 bytes
 *            (vgem has no command stream: attaching a fence is the closest thing to queueing work,
 *            and what the tests issue)
 *
 * Programs: fl_gpu_fentry fentry/drm_ioctl (drm.ko; fd unknown there: -1)
 *        -> fl_gpu_sys_tp  tp/syscalls/sys_enter_ioctl (needs tracefs)
 *        -> fl_gpu_sys_btf tp_btf/sys_enter, filtered on the ioctl syscall
 * The syscall fallbacks see every ioctl (cheap filter first: the request number) and report the
 * fd; they cannot tell a DRM device from another with the same request number (none is known).
 */
#ifndef FRAMELOOP_PROBES_GPU_BPF_H
#define FRAMELOOP_PROBES_GPU_BPF_H

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "frameloop/events.h"
#include "frameloop/rings.bpf.h"
#include "frameloop/emit.bpf.h"
#include "frameloop/threads.bpf.h"

FL_RING(fl_rb_gpu_submit, 64 * 1024);

#define FL_IOCTL_I915_GEM_EXECBUFFER2 0x40406469u
#define FL_IOCTL_I915_GEM_EXECBUFFER2_WR 0xc0406469u
#define FL_IOCTL_AMDGPU_CS 0xc0186444u
#define FL_IOCTL_XE_EXEC 0x40386449u
#define FL_IOCTL_NOUVEAU_GEM_PUSHBUF 0xc0406481u
#define FL_IOCTL_NOUVEAU_EXEC 0xc0286453u
#define FL_IOCTL_VGEM_FENCE_ATTACH 0xc0106441u

#define FL_NR_IOCTL 16 /* x86_64 __NR_ioctl */

/* The driver whose submit ioctl cmd is, FL_GPU_DRIVER_UNKNOWN when cmd is not a submit. */
static __always_inline __u8 fl_gpu_submit_driver(__u32 cmd)
{
	switch (cmd) {
	case FL_IOCTL_I915_GEM_EXECBUFFER2:
	case FL_IOCTL_I915_GEM_EXECBUFFER2_WR:
		return FL_GPU_DRIVER_I915;
	case FL_IOCTL_AMDGPU_CS:
		return FL_GPU_DRIVER_AMDGPU;
	case FL_IOCTL_XE_EXEC:
		return FL_GPU_DRIVER_XE;
	case FL_IOCTL_NOUVEAU_GEM_PUSHBUF:
	case FL_IOCTL_NOUVEAU_EXEC:
		return FL_GPU_DRIVER_NOUVEAU;
	case FL_IOCTL_VGEM_FENCE_ATTACH:
		return FL_GPU_DRIVER_VGEM;
	default:
		return FL_GPU_DRIVER_UNKNOWN;
	}
}

static __always_inline void fl_gpu_submit(__u32 cmd, __s32 fd, __u8 source)
{
	struct fl_gpu_submit_event *e;
	__u8 driver = fl_gpu_submit_driver(cmd);
	__u64 now, id;

	if (driver == FL_GPU_DRIVER_UNKNOWN)
		return;
	now = bpf_ktime_get_ns();
	id = bpf_get_current_pid_tgid();
	fl_thread_note_drm_submit(bpf_get_current_task_btf(), now);
	fl_process_note_drm_submit(id >> 32, now);
	e = fl_ring_reserve(&fl_rb_gpu_submit, FL_EVENT_GPU_SUBMIT, sizeof(*e));
	if (!e)
		return;
	fl_event_header_init(&e->header, FL_EVENT_GPU_SUBMIT, FL_EVENT_VERSION_GPU_SUBMIT, sizeof(*e), now);
	e->pid = id >> 32;
	e->tid = (__u32)id;
	e->ioctl_cmd = cmd;
	e->fd = fd;
	e->ioctl_nr = cmd & 0xff;
	e->driver = driver;
	e->source = source;
	e->pad0 = 0;
	fl_submit_batched(e, FL_EVENT_GPU_SUBMIT);
}

SEC("fentry/drm_ioctl")
int BPF_PROG(fl_gpu_fentry, struct file *filp, unsigned int cmd, unsigned long arg)
{
	fl_gpu_submit(cmd, -1, FL_GPU_SUBMIT_SOURCE_FENTRY_DRM_IOCTL);
	return 0;
}

SEC("tp/syscalls/sys_enter_ioctl")
int fl_gpu_sys_tp(struct trace_event_raw_sys_enter *ctx)
{
	fl_gpu_submit((__u32)ctx->args[1], (__s32)ctx->args[0], FL_GPU_SUBMIT_SOURCE_TP_SYS_ENTER_IOCTL);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(fl_gpu_sys_btf, struct pt_regs *regs, long id)
{
	if (id != FL_NR_IOCTL)
		return 0;
	/* x86_64 syscall arguments: di, si */
	fl_gpu_submit((__u32)BPF_CORE_READ(regs, si), (__s32)BPF_CORE_READ(regs, di), FL_GPU_SUBMIT_SOURCE_TP_SYS_ENTER_IOCTL);
	return 0;
}

#endif /* FRAMELOOP_PROBES_GPU_BPF_H */
