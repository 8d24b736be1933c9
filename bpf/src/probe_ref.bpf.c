// SPDX-License-Identifier: GPL-2.0
/*
 * probe_ref: empty programs on the hooks frameloop's probes and scheduler use, the same-run
 * reference of `frameloop bench probes`: what the kernel charges a program that does nothing
 * there (entry, the run-time accounting itself, return). A probe's cost is read against the
 * reference with its section; the scheduler's callbacks against ref_sched_switch, an empty
 * program run at every context switch (as running/stopping are).
 *
 * The bench loads only the references of hooks whose probes loaded (the others' autoload off).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char _license[] SEC("license") = "GPL";

SEC("lsm/bprm_committed_creds")
int BPF_PROG(ref_exec_lsm) { return 0; }

SEC("tp_btf/sched_process_exec")
int BPF_PROG(ref_exec_btf) { return 0; }

SEC("tp/sched/sched_process_exec")
int ref_exec_tp(void *ctx) { return 0; }

SEC("lsm/task_free")
int BPF_PROG(ref_exit_lsm) { return 0; }

SEC("tp_btf/sched_process_exit")
int BPF_PROG(ref_exit_btf) { return 0; }

SEC("tp/sched/sched_process_exit")
int ref_exit_tp(void *ctx) { return 0; }

SEC("fentry/input_event")
int BPF_PROG(ref_input_fentry) { return 0; }

SEC("fexit/input_event")
int BPF_PROG(ref_input_fexit) { return 0; }

SEC("fentry/drm_ioctl")
int BPF_PROG(ref_gpu_fentry) { return 0; }

SEC("tp/syscalls/sys_enter_ioctl")
int ref_gpu_sys_tp(void *ctx) { return 0; }

SEC("tp_btf/sys_enter")
int BPF_PROG(ref_gpu_sys_btf) { return 0; }

SEC("tp_btf/sched_migrate_task")
int BPF_PROG(ref_migrate_btf) { return 0; }

SEC("tp_btf/sched_switch")
int BPF_PROG(ref_sched_switch) { return 0; }
