/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sched_ext for frameloop's BPF schedulers: kfunc declarations, struct_ops
 * section macros, time helpers and the exit record userspace reads.
 *
 * vmlinux.h carries the kernel's types and enums (SCX_DSQ_LOCAL, SCX_SLICE_DFL,
 * enum scx_exit_kind, struct scx_exit_info ...) but no kfunc prototypes. Every
 * prototype below was checked against the pinned kernel's BTF:
 *
 *   bpftool btf dump file ../shared/kernels/7.2.13+deb14-amd64/vmlinux.btf \
 *     | grep "FUNC 'scx_bpf_"      # then the FUNC_PROTO the FUNC points to
 *
 * On 7.x most of these kfuncs have an `_impl` twin with a trailing
 * `struct bpf_prog_aux *aux`: the verifier fills that argument in, programs
 * call the prototype without it (the one declared here).
 *
 * libbpf 1.1.2 (Debian 12) knows neither `struct_ops.s/` nor
 * `.struct_ops.link`. Callbacks that must be sleepable (ops.init calls
 * scx_bpf_create_dsq, a KF_SLEEPABLE kfunc) are declared with
 * SCX_OPS_SLEEPABLE(), whose section starts with FL_SCX_SLEEPABLE_SECTION;
 * frameloop's loader sets BPF_F_SLEEPABLE on those programs before load.
 */
#ifndef FRAMELOOP_SCX_BPF_H
#define FRAMELOOP_SCX_BPF_H

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

/* errno values callbacks return (vmlinux.h has no macros) */
#ifndef ENOMEM
#define ENOMEM 12
#endif
#ifndef EBUSY
#define EBUSY 16
#endif
#ifndef EINVAL
#define EINVAL 22
#endif

/* ---- kfuncs (7.2 signatures) ------------------------------------------- */

/* ops.init and other sleepable contexts: create a user DSQ (id < 2^63), node -1 = any. */
s32 scx_bpf_create_dsq(u64 dsq_id, s32 node) __ksym;
/* ops.select_cpu: the kernel's default idle-CPU pick; *is_idle says whether the CPU was idle and is now claimed. */
s32 scx_bpf_select_cpu_dfl(struct task_struct *p, s32 prev_cpu, u64 wake_flags, bool *is_idle) __ksym;
/* select_cpu/enqueue/dispatch: queue p on a DSQ in FIFO order (SCX_DSQ_LOCAL = the selected CPU's local DSQ). */
void scx_bpf_dsq_insert(struct task_struct *p, u64 dsq_id, u64 slice, u64 enq_flags) __ksym;
/* select_cpu/enqueue/dispatch: queue p on a user DSQ ordered by vtime (never a built-in DSQ). */
void scx_bpf_dsq_insert_vtime(struct task_struct *p, u64 dsq_id, u64 slice, u64 vtime, u64 enq_flags) __ksym;
/* ops.dispatch: move the first task of dsq_id this CPU may run to its local DSQ; false if none. */
bool scx_bpf_dsq_move_to_local(u64 dsq_id) __ksym;
/* number of tasks queued on dsq_id (SCX_DSQ_LOCAL: this CPU's local DSQ), or a negative errno */
s32 scx_bpf_dsq_nr_queued(u64 dsq_id) __ksym;
/* an idle CPU in cpus_allowed, claimed for the caller, or -EBUSY */
s32 scx_bpf_pick_idle_cpu(const struct cpumask *cpus_allowed, u64 flags) __ksym; /* SCX_PICK_IDLE_CORE: a CPU of a fully idle core only */
/* the idle state of whole SMT cores (a CPU is set when it and all its siblings are idle, siblings
 * as the kernel's topology has them); the idle CPUs when SMT is off. Release with scx_bpf_put_idle_cpumask. */
const struct cpumask *scx_bpf_get_idle_smtmask(void) __ksym;
void scx_bpf_put_idle_cpumask(const struct cpumask *idle_mask) __ksym;
/* claims cpu if it is idle: true when it was (and is now the caller's) */
bool scx_bpf_test_and_clear_cpu_idle(s32 cpu) __ksym;
/* true when cpu is in cpumask */
bool bpf_cpumask_test_cpu(u32 cpu, const struct cpumask *cpumask) __ksym;
/* make cpu reschedule; SCX_KICK_IDLE: only if it is idle */
void scx_bpf_kick_cpu(s32 cpu, u64 flags) __ksym;
/* set p->scx.dsq_vtime (7.x replaces direct writes to p->scx with these) */
bool scx_bpf_task_set_dsq_vtime(struct task_struct *p, u64 vtime) __ksym;
bool scx_bpf_task_set_slice(struct task_struct *p, u64 slice) __ksym;
/* the CPU p is on */
s32 scx_bpf_task_cpu(const struct task_struct *p) __ksym;
/* the rq clock when it is valid, else ktime: ns, monotonic per CPU, cheaper than bpf_ktime_get_ns() */
u64 scx_bpf_now(void) __ksym;

/* ---- struct_ops callbacks ---------------------------------------------- */

#define FL_SCX_SLEEPABLE_SECTION "struct_ops/sleepable/"

/* A sched_ext_ops callback: SEC("struct_ops/<name>") + BPF_PROG's typed arguments. */
#define SCX_OPS(name, args...) \
	SEC("struct_ops/" #name) BPF_PROG(name, ##args)
/* A callback the loader must mark BPF_F_SLEEPABLE (see the header comment). */
#define SCX_OPS_SLEEPABLE(name, args...) \
	SEC(FL_SCX_SLEEPABLE_SECTION #name) BPF_PROG(name, ##args)

/* ---- time --------------------------------------------------------------- */

/* a < b for wrapping u64 clocks and vtimes */
static __always_inline bool fl_time_before(u64 a, u64 b)
{
	return (s64)(a - b) < 0;
}

static __always_inline u64 fl_time_max(u64 a, u64 b)
{
	return fl_time_before(a, b) ? b : a;
}

/* Run time scaled by 100/weight: what a task of weight w pays in vtime for running ns (weight 100 = nice 0). */
static __always_inline u64 fl_scale_by_inverse_weight(u64 ns, u32 weight)
{
	return weight ? ns * 100 / weight : ns;
}

/* ---- exit record --------------------------------------------------------- */

/* Sizes follow the kernel's (SCX_EXIT_REASON_LEN is not exported; SCX_EXIT_MSG_LEN is 1024). */
#define FL_EXIT_REASON_LEN 128
#define FL_EXIT_MSG_LEN 1024

/*
 * What ops.exit saw, for userspace. Userspace finds a variable of this type by
 * name in the object's BTF (.bss) and reads the members by their BTF offsets,
 * so the layout here is free to change. `kind` is written last: 0 means ops.exit
 * has not run yet.
 */
struct fl_exit_info {
	s64 exit_code;
	u32 kind;		/* enum scx_exit_kind */
	s32 exit_cpu;
	char reason[FL_EXIT_REASON_LEN];
	char msg[FL_EXIT_MSG_LEN];
};

static __always_inline void fl_exit_record(struct fl_exit_info *dst, struct scx_exit_info *ei)
{
	dst->exit_code = BPF_CORE_READ(ei, exit_code);
	dst->exit_cpu = BPF_CORE_READ(ei, exit_cpu);
	bpf_probe_read_kernel_str(dst->reason, sizeof(dst->reason), BPF_CORE_READ(ei, reason));
	bpf_probe_read_kernel_str(dst->msg, sizeof(dst->msg), BPF_CORE_READ(ei, msg));
	asm volatile("" ::: "memory");
	*(volatile u32 *)&dst->kind = BPF_CORE_READ(ei, kind);
}

#endif /* FRAMELOOP_SCX_BPF_H */
