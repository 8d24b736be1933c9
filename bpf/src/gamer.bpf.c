// SPDX-License-Identifier: GPL-2.0
/*
 * gamer: frameloop's sched_ext scheduler.
 *
 * Weighted virtual time. A task pays for the time it runs, scaled by
 * 100/weight, into its vtime; runnable tasks wait on one shared DSQ ordered by
 * vtime, so the task that has had the least weighted CPU runs next. A task
 * that slept keeps its vtime but is clamped to at most one slice behind the
 * running clock (vtime_now): sleeping earns a bounded credit, never a burst.
 *
 * Paths a task takes:
 *   wakeup, an idle CPU found   select_cpu -> SCX_DSQ_LOCAL of that CPU (fast path)
 *   otherwise                   enqueue -> shared DSQ (vtime order), an idle CPU kicked
 *   a CPU runs out of work      dispatch -> first eligible task of the shared DSQ
 * Every runnable task is on a DSQ some CPU consumes, so none is left behind
 * (the kernel's watchdog ejects a scheduler that leaves a task runnable too long).
 *
 * Userspace reads gamer_exit (why the scheduler stopped) and gamer_stats.
 * Issue 4 grows this file: boost classes live in gamer_task, the policy map
 * overrides them, and the run-time accounting below is where deadlines start.
 */
#include "vmlinux.h"
#include "frameloop/scx.bpf.h"

char _license[] SEC("license") = "GPL";

/* the one user DSQ, created in gamer_init */
#define GAMER_SHARED_DSQ 0

/* Tunables, set by userspace before load (.rodata). */
const volatile u64 slice_ns = SCX_SLICE_DFL;

/* The vtime of the most recent task to start running: the clock sleepers are clamped to. */
static u64 vtime_now;

/* Why the scheduler stopped; written once, by gamer_exit_cb. */
struct fl_exit_info gamer_exit;

/* Counters, per CPU, summed by userspace. */
struct gamer_stats {
	u64 direct_dispatches;	/* tasks put straight onto an idle CPU in select_cpu */
	u64 shared_enqueues;	/* tasks queued on the shared DSQ */
	u64 idle_kicks;		/* idle CPUs woken to take a task from the shared DSQ */
	u64 dispatches;		/* tasks moved from the shared DSQ to a CPU */
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct gamer_stats);
} gamer_stats SEC(".maps");

/* Per-task state the callbacks share. */
struct gamer_task {
	u64 running_at;		/* scx_bpf_now() when the task last started running, 0 when not running */
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct gamer_task);
} gamer_tasks SEC(".maps");

static __always_inline struct gamer_stats *stats(void)
{
	u32 zero = 0;

	return bpf_map_lookup_elem(&gamer_stats, &zero);
}

s32 SCX_OPS(gamer_select_cpu, struct task_struct *p, s32 prev_cpu, u64 wake_flags)
{
	bool is_idle = false;
	s32 cpu;

	cpu = scx_bpf_select_cpu_dfl(p, prev_cpu, wake_flags, &is_idle);
	if (is_idle) {
		struct gamer_stats *s = stats();

		scx_bpf_dsq_insert(p, SCX_DSQ_LOCAL, slice_ns, 0);
		if (s)
			s->direct_dispatches++;
	}
	return cpu;
}

void SCX_OPS(gamer_enqueue, struct task_struct *p, u64 enq_flags)
{
	struct gamer_stats *s = stats();
	u64 vtime = p->scx.dsq_vtime;
	u64 floor = vtime_now - slice_ns;
	s32 cpu;

	if (fl_time_before(vtime, floor))
		vtime = floor;
	scx_bpf_dsq_insert_vtime(p, GAMER_SHARED_DSQ, slice_ns, vtime, enq_flags);
	if (s)
		s->shared_enqueues++;

	/* A CPU may have gone idle since select_cpu looked (or select_cpu was skipped). */
	cpu = scx_bpf_pick_idle_cpu(p->cpus_ptr, 0);
	if (cpu >= 0) {
		scx_bpf_kick_cpu(cpu, SCX_KICK_IDLE);
		if (s)
			s->idle_kicks++;
	}
}

void SCX_OPS(gamer_dispatch, s32 cpu, struct task_struct *prev)
{
	if (scx_bpf_dsq_move_to_local(GAMER_SHARED_DSQ)) {
		struct gamer_stats *s = stats();

		if (s)
			s->dispatches++;
	}
}

void SCX_OPS(gamer_running, struct task_struct *p)
{
	struct gamer_task *t = bpf_task_storage_get(&gamer_tasks, p, 0, 0);

	if (t)
		t->running_at = scx_bpf_now();
	vtime_now = fl_time_max(vtime_now, p->scx.dsq_vtime);
}

void SCX_OPS(gamer_stopping, struct task_struct *p, bool runnable)
{
	struct gamer_task *t = bpf_task_storage_get(&gamer_tasks, p, 0, 0);
	u64 now, ran;

	if (!t || !t->running_at)
		return;
	now = scx_bpf_now();
	ran = fl_time_before(t->running_at, now) ? now - t->running_at : 0;
	t->running_at = 0;
	scx_bpf_task_set_dsq_vtime(p, p->scx.dsq_vtime + fl_scale_by_inverse_weight(ran, p->scx.weight));
}

s32 SCX_OPS(gamer_init_task, struct task_struct *p, struct scx_init_task_args *args)
{
	if (!bpf_task_storage_get(&gamer_tasks, p, 0, BPF_LOCAL_STORAGE_GET_F_CREATE))
		return -ENOMEM;
	return 0;
}

void SCX_OPS(gamer_enable, struct task_struct *p)
{
	scx_bpf_task_set_dsq_vtime(p, vtime_now);
}

s32 SCX_OPS_SLEEPABLE(gamer_init)
{
	return scx_bpf_create_dsq(GAMER_SHARED_DSQ, -1);
}

void SCX_OPS(gamer_exit_cb, struct scx_exit_info *ei)
{
	fl_exit_record(&gamer_exit, ei);
}

SEC(".struct_ops")
struct sched_ext_ops gamer_ops = {
	.select_cpu = (void *)gamer_select_cpu,
	.enqueue = (void *)gamer_enqueue,
	.dispatch = (void *)gamer_dispatch,
	.running = (void *)gamer_running,
	.stopping = (void *)gamer_stopping,
	.init_task = (void *)gamer_init_task,
	.enable = (void *)gamer_enable,
	.init = (void *)gamer_init,
	.exit = (void *)gamer_exit_cb,
	.name = "gamer",
};
