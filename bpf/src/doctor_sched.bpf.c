// SPDX-License-Identifier: GPL-2.0
/*
 * The smallest sched_ext scheduler, for `frameloop doctor` to prove struct_ops
 * programs load and register. SCX_OPS_SWITCH_PARTIAL: only tasks that ask for
 * SCHED_EXT would move to it, so registering it for a moment disturbs nothing.
 * (Its own object because libbpf 1.1 prepares every struct_ops map of an object
 * at load, which fails on kernels without sched_ext even with autocreate off.)
 */
#include "vmlinux.h"
#include "frameloop/scx.bpf.h"

char _license[] SEC("license") = "GPL";

struct fl_exit_info doctor_sched_exit;

void SCX_OPS(doctor_sched_enable, struct task_struct *p)
{
}

void SCX_OPS(doctor_sched_exit_cb, struct scx_exit_info *ei)
{
	fl_exit_record(&doctor_sched_exit, ei);
}

SEC(".struct_ops")
struct sched_ext_ops doctor_sched_ops = {
	.enable = (void *)doctor_sched_enable,
	.exit = (void *)doctor_sched_exit_cb,
	.flags = SCX_OPS_SWITCH_PARTIAL,
	.name = "frameloop_doctor",
};
