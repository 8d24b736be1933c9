// SPDX-License-Identifier: GPL-2.0
/*
 * One tiny program per attach kind, for `frameloop doctor`: it loads each one
 * on its own (the others' autoload off), attaches it, triggers it, and reads
 * its hit counter (any hit proves the hook fires; the doctor also triggers
 * each one itself). Hooks are those frameloop's probes use or stand in for them.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char _license[] SEC("license") = "GPL";

/* Hit counters, one per program; doctor reads them from .bss by name. */
u64 tp_btf_hits;
u64 fentry_hits;
u64 lsm_hits;
u64 uprobe_hits;

/* BTF tracepoint: what the scheduler-event probes use. Triggered by the doctor sleeping. */
SEC("tp_btf/sched_switch")
int BPF_PROG(doctor_tp_btf, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	__sync_fetch_and_add(&tp_btf_hits, 1);
	return 0;
}

/* fentry on a kernel function: what the input (input_event) and GPU-submit (drm_ioctl) probes use.
 * Triggered by the doctor opening a file. */
SEC("fentry/do_sys_openat2")
int BPF_PROG(doctor_fentry)
{
	__sync_fetch_and_add(&fentry_hits, 1);
	return 0;
}

/* BPF LSM: what game-exec detection uses. Triggered by the doctor running a program. */
SEC("lsm/bprm_committed_creds")
int BPF_PROG(doctor_lsm, struct linux_binprm *bprm)
{
	__sync_fetch_and_add(&lsm_hits, 1);
	return 0;
}

/* uprobe on a libc function (attached to the doctor's own process): what the frame-timing probes use. */
SEC("uprobe")
int BPF_KPROBE(doctor_uprobe)
{
	__sync_fetch_and_add(&uprobe_hits, 1);
	return 0;
}
