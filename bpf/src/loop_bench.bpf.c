// SPDX-License-Identifier: GPL-2.0
/*
 * frameloop bench loop: the kernel side of a closed-loop latency run on a host without sched_ext.
 *
 * loop_trigger (SEC("syscall"), run by BPF_PROG_TEST_RUN from a pacing thread) writes one
 * struct fl_loop_trigger (seq, bpf_ktime_get_ns(), target tid) into fl_rb_bench with the default
 * adaptive wakeup, as a probe's event that the loop predicts on.
 *
 * loop_applied (tp_btf/sched_switch) and loop_applied_waking (tp_btf/sched_waking) stand in for
 * the gamer scheduler, which reads a thread's entry when it enqueues it (select_cpu/enqueue: the
 * thread woke) and as it runs: on every wakeup they look up the boost_policy entry of the woken
 * thread, on every context switch those of the thread switched in and of the one switched out, and
 * the first time it finds a live write of an entry (flags without FL_POLICY_APPLIED) it notes
 * FL_POLICY_APPLIED and applied_ns in the entry and emits struct fl_policy_applied_event stamped
 * with its own bpf_ktime_get_ns(), as gamer does (policy.h). The check-and-set is not atomic: a
 * wakeup on one CPU racing a switch of the same thread on another could emit twice, which the
 * bench counts as a duplicate.
 */
/* bpftool 7.1's dump of the 7.2 kernel's BTF has anonymous members clang warns about */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wmissing-declarations"
#include "vmlinux.h"
#pragma clang diagnostic pop
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "frameloop/events.h"
#include "frameloop/bench.h"
#include "frameloop/policy.h"
#include "frameloop/policy_maps.bpf.h"
#include "frameloop/rings.bpf.h"
#include "frameloop/emit.bpf.h"

#define EINVAL 22

FL_RING(fl_rb_bench, 256 * 1024);
FL_RING(fl_rb_policy_applied, 256 * 1024);

SEC("syscall")
int loop_trigger(struct fl_loop_trigger_args *args)
{
	struct fl_loop_trigger *t;

	if (args->tid == 0)
		return -EINVAL;
	args->emitted = 0;
	t = fl_ring_reserve(&fl_rb_bench, FL_RING_STREAM_BENCH, sizeof(*t));
	if (!t)
		return 0;
	t->seq = args->seq;
	t->tid = args->tid;
	t->pad0 = 0;
	t->timestamp_ns = bpf_ktime_get_ns();
	bpf_ringbuf_submit(t, 0);
	args->emitted = 1;
	return 0;
}

static __always_inline void apply(struct task_struct *p, u64 now)
{
	u32 tid = p->pid;
	struct fl_boost_policy *e;

	if (tid == 0)
		return;
	e = bpf_map_lookup_elem(&boost_policy, &tid);
	if (!e || !e->entry_timestamp_ns || (e->flags & FL_POLICY_APPLIED) || now >= e->expiry_ns)
		return;
	e->flags |= FL_POLICY_APPLIED;
	e->applied_ns = now;
	fl_emit_policy_applied(&fl_rb_policy_applied, p->tgid, tid, e->entry_timestamp_ns, e->expiry_ns, e->slice_ns,
			       e->boost, e->role, now);
}

SEC("tp_btf/sched_switch")
int BPF_PROG(loop_applied, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	u64 now = bpf_ktime_get_ns();

	apply(next, now);
	apply(prev, now);
	return 0;
}

SEC("tp_btf/sched_waking")
int BPF_PROG(loop_applied_waking, struct task_struct *p)
{
	apply(p, bpf_ktime_get_ns());
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
