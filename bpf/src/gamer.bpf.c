// SPDX-License-Identifier: GPL-2.0
/*
 * gamer: frameloop's sched_ext scheduler for games.
 *
 * Deadlines. Every task has a weighted vtime: it pays ran * 100 / weight for the time it
 * runs, whatever its class (fairness between tasks of the same nice level). When it is
 * queued it gets a deadline
 *
 *     deadline = vtime + min(exec_runtime * (100 / weight), exec_runtime_max_ns) * (100 / boost)
 *
 * where exec_runtime is what it ran since it last slept (capped by exec_runtime_max_ns) and
 * boost comes from its class (classify.bpf.h) or its boost_policy entry (policy.h): a thread
 * that runs in short bursts, and more so a boosted one, gets an early deadline; a CPU hog a
 * late one. A sleeper's vtime is lifted to at most vtime_lag_ns behind the clock (vtime_now,
 * the vtime of the latest task to start running): sleeping earns a bounded credit.
 *
 * No task waits unboundedly (a task preempted inside an RCU read-side section that waits
 * ~21 s stalls RCU, and the kernel then ejects the scheduler):
 *   - the weighted run time in a deadline is capped, so a heavily niced task (weight 1: its
 *     run time weighs 100x) is not pushed seconds of vtime behind everyone else;
 *   - a new task starts one weighted slice after the clock, so a fork storm pays for the
 *     CPU it takes and moves the clock on, instead of running ahead of every queued task;
 *   - the sync-wakeup shortcut onto the waker's CPU is only taken when nothing waits on the
 *     shared DSQ, so a waker/wakee pair (a fork loop and its children) cannot keep a CPU.
 *
 * Paths a task takes:
 *   wakeup, an idle CPU found   select_cpu -> that CPU's local DSQ (fast path)
 *                               (a fully idle SMT core first, from the kernel's topology)
 *   sync wakeup, nothing idle   select_cpu -> the waker's CPU's local DSQ, when it and the
 *                               shared DSQ are empty
 *   otherwise                   enqueue -> the shared DSQ, ordered by deadline; an idle CPU is
 *                               kicked, or, for a boosted task, a CPU running a task with a
 *                               lower boost and a later deadline is preempted
 *   a CPU runs out of work      dispatch -> the earliest deadline of the shared DSQ
 * Every runnable task is on a DSQ some CPU consumes (the watchdog ejects a scheduler that
 * leaves a task runnable too long) -- except the test-only test_stall_tid, left out on
 * purpose so that the watchdog ejects the scheduler.
 *
 * Streams (rings.bpf.h naming): fl_rb_thread_class (classify.bpf.h), fl_rb_deadline_miss,
 * fl_rbs_migration (probes/migration.bpf.h), fl_rb_task_stats, fl_rb_policy_applied. A deadline miss: the task started
 * running more than deadline_miss_threshold_ns after the wall-clock time its deadline stood
 * for when it was queued (queued at + how far its deadline was ahead of vtime_now).
 *
 * Userspace reads gamer_exit (why the scheduler stopped), gamer_stats and fl_stream_events.
 */
#include "vmlinux.h"
#include "frameloop/scx.bpf.h"
#include "frameloop/events.h"
#include "frameloop/policy.h"
#include "frameloop/policy_maps.bpf.h"
#include "frameloop/rings.bpf.h"
#include "frameloop/emit.bpf.h"
#include "frameloop/threads.bpf.h"
#include "frameloop/classify.bpf.h"
#include "frameloop/probes/process.bpf.h"
#include "frameloop/probes/input.bpf.h"
#include "frameloop/probes/gpu.bpf.h"
#include "frameloop/probes/migration.bpf.h"
#include "frameloop/probes/frame.bpf.h"

char _license[] SEC("license") = "GPL";

/* the one user DSQ, created in gamer_init */
#define GAMER_SHARED_DSQ 0
#define GAMER_MAX_CPUS 1024

/* ---- tunables, set by userspace before load (.rodata) ------------------------- */

/* How far behind vtime_now a sleeper's vtime may be when it wakes, ns. */
const volatile u64 vtime_lag_ns = 20 * FL_MS;
/* Cap of the run time since the last sleep that counts in a deadline, ns. */
const volatile u64 exec_runtime_max_ns = 100 * FL_MS;
/* A task that starts running later than its deadline by more than this is reported, ns. */
const volatile u64 deadline_miss_threshold_ns = 1 * FL_MS;
/* Classes whose misses are reported (bit 1 << class): all but unknown and background. */
const volatile u32 deadline_miss_classes = (1 << FL_CLASS_INPUT) | (1 << FL_CLASS_RENDER) | (1 << FL_CLASS_AUDIO) |
					   (1 << FL_CLASS_COMPOSITOR) | (1 << FL_CLASS_GAME);
/* Length of a task-stats window, ns; windows are aligned to multiples of it. */
const volatile u64 stats_window_ns = 100 * FL_MS;
/* A waking task with at least this boost may preempt a CPU running a lower boost. */
const volatile u32 preempt_min_boost = 200;
/* Test only: the thread with this tid is never dispatched (the watchdog then ejects gamer). 0: none. */
const volatile u32 test_stall_tid;

/* ---- rings (fl_rb_thread_class is in classify.bpf.h) -------------------------- */

FL_RING(fl_rb_deadline_miss, 256 * 1024);
FL_RING(fl_rb_task_stats, 512 * 1024);
FL_RING(fl_rb_policy_applied, 64 * 1024);

/* ---- boost policy: boost_policy, boost_policy_ctl (policy.h, policy_maps.bpf.h) ---- */

/* ---- state ---------------------------------------------------------------- */

/* The vtime of the most recent task to start running: the clock sleepers are clamped to. */
static u64 vtime_now;

/* Why the scheduler stopped; written once, by gamer_exit_cb. */
struct fl_exit_info gamer_exit;

/* Counters, per CPU, summed by userspace. */
struct gamer_stats {
	u64 direct_dispatches;	/* tasks put straight onto an idle CPU (or the waker's) in select_cpu */
	u64 shared_enqueues;	/* tasks queued on the shared DSQ */
	u64 idle_kicks;		/* idle CPUs woken to take a task from the shared DSQ */
	u64 dispatches;		/* tasks moved from the shared DSQ to a CPU */
	u64 preempt_kicks;	/* CPUs told to preempt their task for a boosted one */
	u64 idle_picks_whole_core;	/* select_cpu idle picks on a core whose SMT siblings were all idle */
	u64 idle_picks_busy_sibling;	/* select_cpu idle picks on a core with a busy SMT sibling */
	u64 stalled_enqueues;	/* enqueues of test_stall_tid left out */
	u64 policy_lookups;	/* boost_policy lookups */
	u64 policy_applied;	/* entry writes used for the first time */
	u64 policy_expired;	/* entries found expired and ignored */
	u64 class_changes[FL_CLASSES];	/* class changes, by new class */
	u64 deadline_misses[FL_CLASSES];	/* misses reported, by class */
	u64 migrations[5];	/* CPU changes, by enum fl_migration_reason */
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct gamer_stats);
} gamer_stats SEC(".maps");

/* gamer_task.flags */
enum gamer_task_flag {
	GT_WOKEN = 1,		/* ready_at is a wakeup (not a requeue) */
	GT_SELECTED = 2,	/* select_cpu already handled this wakeup */
	GT_SHARED = 4,		/* queued on the shared DSQ this time */
	GT_POLICY = 8,		/* policy_* hold an entry of boost_policy */
	GT_POLICY_EXPIRED = 16,	/* that entry was found expired */
};

/* The scheduler's per-task state (the class lives in fl_threads, shared with the probes). */
struct gamer_task {
	u64 vtime;		/* weighted vtime */
	u64 exec_runtime;	/* run time since the task last slept, capped */
	u64 deadline;		/* vtime-domain deadline it was last queued with */
	u64 expected_run_ns;	/* wall-clock time its deadline stood for when queued */
	u64 ready_at;		/* when it last woke or was requeued; 0 once it ran */
	u64 running_at;		/* when it started running; 0 when not running */
	u64 slice_ns;		/* slice of its class or policy */
	u32 boost;		/* boost of its class or policy, percent */
	u8 cls;			/* its class, copied from fl_threads */
	u8 flags;		/* enum gamer_task_flag */
	u8 mig_reason;		/* enum fl_migration_reason of a pending move, 0 none */
	u8 pad;
	s32 last_cpu;		/* CPU it last ran on; -1 before its first run */
	s32 mig_target;		/* CPU the pending move aims at; -1 any */
	u64 mig_decided_at;	/* when the pending move was decided */
	/* boost_policy entry, as last looked up */
	u64 policy_gen;		/* boost_policy_ctl.generation at that lookup */
	u64 policy_entry_ts;	/* entry_timestamp_ns of the entry */
	u64 policy_applied_ts;	/* entry_timestamp_ns of the last write applied (event emitted) */
	u64 policy_expiry_ns;
	u64 policy_slice_ns;
	u32 policy_boost;
	u8 policy_role;
	u8 pad2[3];
	/* task-stats window */
	u64 win_start;
	u64 win_run_ns;
	u64 win_w2r_sum;
	u64 win_w2r_max;
	u32 win_wakeups;
	u32 win_voluntary;
	u32 win_involuntary;
	u32 win_migrations;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct gamer_task);
} gamer_tasks SEC(".maps");

/* What each CPU runs, for preemption and migration latency; index: CPU. */
struct gamer_cpu {
	u64 dispatch_at;	/* when dispatch last moved a task here from the shared DSQ */
	u64 deadline;		/* deadline of the task running here */
	u32 boost;		/* its boost */
	u32 pid;		/* its tid; 0 when none of ours runs */
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, GAMER_MAX_CPUS);
	__type(key, u32);
	__type(value, struct gamer_cpu);
} gamer_cpus SEC(".maps");

/* ---- helpers --------------------------------------------------------------- */

static __always_inline struct gamer_stats *stats(void)
{
	u32 zero = 0;

	return bpf_map_lookup_elem(&gamer_stats, &zero);
}

static __always_inline struct gamer_task *task_of(struct task_struct *p)
{
	return bpf_task_storage_get(&gamer_tasks, p, 0, 0);
}

static __always_inline struct gamer_cpu *cpu_of(s32 cpu)
{
	u32 key = cpu;

	return bpf_map_lookup_elem(&gamer_cpus, &key);
}

static __always_inline u32 clamp_boost(u32 boost)
{
	if (boost < FL_BOOST_MIN)
		return FL_BOOST_MIN;
	if (boost > FL_BOOST_MAX)
		return FL_BOOST_MAX;
	return boost;
}

static __always_inline u64 policy_generation(void)
{
	u32 zero = 0;
	struct fl_boost_policy_ctl *ctl = bpf_map_lookup_elem(&boost_policy_ctl, &zero);

	return ctl ? ctl->generation : 0;
}

/*
 * The role the task's boost_policy entry gives it now, 0 when it has no live entry. Looks the
 * entry up again when userspace changed the map since the last look (or when `full`); emits
 * policy-applied the first time a write is used, and marks an entry found expired.
 */
static __always_inline u8 policy_role(struct task_struct *p, struct gamer_task *t, u64 now, bool full)
{
	u32 tid = p->pid;
	u64 gen = policy_generation();
	struct fl_boost_policy *e = NULL;
	struct gamer_stats *s;

	if (gen != t->policy_gen || full) {
		t->policy_gen = gen;
		e = bpf_map_lookup_elem(&boost_policy, &tid);
		if ((s = stats()))
			s->policy_lookups++;
		if (e && e->entry_timestamp_ns && e->role > FL_CLASS_UNKNOWN && e->role < FL_CLASSES) {
			if (!(t->flags & GT_POLICY) || t->policy_entry_ts != e->entry_timestamp_ns)
				t->flags &= ~GT_POLICY_EXPIRED;
			t->flags |= GT_POLICY;
			t->policy_entry_ts = e->entry_timestamp_ns;
			t->policy_expiry_ns = e->expiry_ns;
			t->policy_slice_ns = e->slice_ns;
			t->policy_boost = e->boost;
			t->policy_role = e->role;
		} else {
			t->flags &= ~(GT_POLICY | GT_POLICY_EXPIRED);
			e = NULL;
		}
	}
	if (!(t->flags & GT_POLICY))
		return 0;

	if (!fl_time_before(now, t->policy_expiry_ns)) {
		if (!(t->flags & GT_POLICY_EXPIRED)) {
			t->flags |= GT_POLICY_EXPIRED;
			if (!e)
				e = bpf_map_lookup_elem(&boost_policy, &tid);
			if (e && e->entry_timestamp_ns == t->policy_entry_ts)
				e->flags |= FL_POLICY_EXPIRED;
			if ((s = stats()))
				s->policy_expired++;
		}
		return 0;
	}

	if (t->policy_applied_ts != t->policy_entry_ts) {
		t->policy_applied_ts = t->policy_entry_ts;
		if (!e)
			e = bpf_map_lookup_elem(&boost_policy, &tid);
		if (e && e->entry_timestamp_ns == t->policy_entry_ts) {
			e->applied_ns = now;
			e->flags |= FL_POLICY_APPLIED;
		}
		fl_emit_policy_applied(&fl_rb_policy_applied, p->tgid, p->pid, t->policy_entry_ts, t->policy_expiry_ns,
				       t->policy_slice_ns, t->policy_boost, t->policy_role, now);
		if ((s = stats()))
			s->policy_applied++;
	}
	return t->policy_role;
}

/* Re-decides class, boost and slice; `wakeup`: this is a wakeup (input windows count). */
static __always_inline void refresh_class(struct task_struct *p, struct gamer_task *t, u64 now, bool wakeup, bool full)
{
	struct fl_thread *th = fl_thread_of(p);
	struct gamer_stats *s;
	u8 role;
	u8 cls;

	if (!th)
		return;
	if (wakeup)
		fl_note_wakeup(th, now);
	role = policy_role(p, t, now, full);
	if (fl_classify(p, th, now, role, full) && (s = stats())) {
		cls = th->cls;
		if (cls < FL_CLASSES)
			s->class_changes[cls]++;
	}
	cls = th->cls < FL_CLASSES ? th->cls : FL_CLASS_BACKGROUND;
	t->cls = cls;
	t->boost = role && t->policy_boost ? clamp_boost(t->policy_boost) : clamp_boost(class_boost[cls]);
	t->slice_ns = role && t->policy_slice_ns ? t->policy_slice_ns : class_slice_ns[cls];
	if (!t->slice_ns)
		t->slice_ns = SCX_SLICE_DFL;
}

/* The task's sched_ext weight (100: nice 0; 1 for nice 19). */
static __always_inline u32 task_weight(struct task_struct *p)
{
	return p->scx.weight ? p->scx.weight : 100;
}

/* Run time `ns` in vtime, capped at exec_runtime_max_ns: a heavily niced task's weighs up to 100x. */
static __always_inline u64 weighted_capped(struct task_struct *p, u64 ns)
{
	u64 weighted = ns * 100 / task_weight(p);

	return weighted < exec_runtime_max_ns ? weighted : exec_runtime_max_ns;
}

/* Lifts a sleeper's vtime to the lag floor and returns its deadline. */
static __always_inline u64 task_deadline(struct task_struct *p, struct gamer_task *t)
{
	u64 floor = vtime_now - vtime_lag_ns;

	if (fl_time_before(t->vtime, floor))
		t->vtime = floor;
	return t->vtime + weighted_capped(p, t->exec_runtime) * 100 / (t->boost ? t->boost : FL_BOOST_NONE);
}

/* Sets the deadline the task is queued with, and the wall-clock time it stands for. */
static __always_inline u64 queue_deadline(struct task_struct *p, struct gamer_task *t, u64 now, bool immediate)
{
	u64 dl = task_deadline(p, t);

	t->deadline = dl;
	t->expected_run_ns = now + (!immediate && fl_time_before(vtime_now, dl) ? dl - vtime_now : 0);
	return dl;
}

/* A wakeup starts: a new burst (exec_runtime restarts), classes re-decided. */
static __always_inline void wakeup_begin(struct task_struct *p, struct gamer_task *t, u64 now)
{
	t->ready_at = now;
	t->flags |= GT_WOKEN;
	t->exec_runtime = 0;
	refresh_class(p, t, now, true, false);
}

static __always_inline void note_move(struct gamer_task *t, s32 cpu, u8 reason, u64 now)
{
	if (cpu == t->last_cpu)
		return;
	t->mig_reason = reason;
	t->mig_target = cpu;
	t->mig_decided_at = now;
}

/*
 * An idle CPU for p, -1 when none: p's previous CPU if its whole SMT core is idle, else a CPU
 * of a fully idle core, else p's previous CPU if idle, else any idle CPU. Cores are the
 * kernel's (the idle SMT mask follows topology_sibling_cpumask), whatever the CPU numbering.
 */
static __always_inline s32 pick_idle_cpu(struct task_struct *p, s32 prev_cpu)
{
	const struct cpumask *idle_smt = scx_bpf_get_idle_smtmask();
	bool prev_core_idle = bpf_cpumask_test_cpu(prev_cpu, idle_smt);
	bool prev_allowed = bpf_cpumask_test_cpu(prev_cpu, p->cpus_ptr);
	struct gamer_stats *s = stats();
	s32 cpu;

	scx_bpf_put_idle_cpumask(idle_smt);
	if (prev_core_idle && prev_allowed && scx_bpf_test_and_clear_cpu_idle(prev_cpu)) {
		cpu = prev_cpu;
		goto whole_core;
	}
	cpu = scx_bpf_pick_idle_cpu(p->cpus_ptr, SCX_PICK_IDLE_CORE);
	if (cpu >= 0)
		goto whole_core;
	if (prev_allowed && scx_bpf_test_and_clear_cpu_idle(prev_cpu))
		cpu = prev_cpu;
	else
		cpu = scx_bpf_pick_idle_cpu(p->cpus_ptr, 0);
	if (cpu < 0)
		return -1;
	if (s)
		s->idle_picks_busy_sibling++;
	return cpu;
whole_core:
	if (s)
		s->idle_picks_whole_core++;
	return cpu;
}

/* Preempts a CPU (p's previous one, or this one) running a task with lower boost and later deadline. */
static __always_inline void preempt_for(struct task_struct *p, struct gamer_task *t)
{
	s32 cpus[2] = { scx_bpf_task_cpu(p), bpf_get_smp_processor_id() };

	if (t->boost < preempt_min_boost)
		return;
	for (int i = 0; i < 2; i++) {
		s32 cpu = cpus[i];
		struct gamer_cpu *c = cpu_of(cpu);
		struct gamer_stats *s;

		if (!c || !c->pid || c->boost >= t->boost || !fl_time_before(t->deadline, c->deadline))
			continue;
		if (!bpf_cpumask_test_cpu(cpu, p->cpus_ptr))
			continue;
		scx_bpf_kick_cpu(cpu, SCX_KICK_PREEMPT);
		if ((s = stats()))
			s->preempt_kicks++;
		return;
	}
}

/* ---- streams ---------------------------------------------------------------- */

static __always_inline void emit_deadline_miss(struct task_struct *p, struct gamer_task *t, u64 now, s32 cpu)
{
	struct fl_deadline_miss_event *e;
	struct gamer_stats *s;

	if ((s = stats()) && t->cls < FL_CLASSES)
		s->deadline_misses[t->cls]++;
	e = fl_ring_reserve(&fl_rb_deadline_miss, FL_EVENT_DEADLINE_MISS, sizeof(*e));
	if (!e)
		return;
	fl_event_header_init(&e->header, FL_EVENT_DEADLINE_MISS, FL_EVENT_VERSION_DEADLINE_MISS, sizeof(*e), now);
	e->pid = p->tgid;
	e->tid = p->pid;
	e->expected_deadline_ns = t->expected_run_ns;
	e->actual_deadline_ns = now;
	e->miss_ns = now - t->expected_run_ns;
	e->run_cpu = cpu;
	e->thread_class = t->cls;
	e->pad0 = 0;
	e->pad1 = 0;
	fl_submit_batched(e, FL_EVENT_DEADLINE_MISS);
}

static __always_inline void emit_migration(struct task_struct *p, struct gamer_task *t, s32 from, s32 to,
					   u8 reason, u64 latency, u64 now)
{
	struct fl_migration_event *e;
	struct gamer_stats *s;

	if ((s = stats()) && reason < 5)
		s->migrations[reason]++;
	e = fl_ring_set_reserve(&fl_rbs_migration, FL_EVENT_MIGRATION, sizeof(*e));
	if (!e)
		return;
	fl_event_header_init(&e->header, FL_EVENT_MIGRATION, FL_EVENT_VERSION_MIGRATION, sizeof(*e), now);
	e->pid = p->tgid;
	e->tid = p->pid;
	e->from_cpu = from;
	e->to_cpu = to;
	e->latency_ns = latency;
	e->reason = reason;
	e->thread_class = t->cls;
	e->source = FL_MIGRATION_SOURCE_SCHEDULER;
	e->pad0 = 0;
	e->pad1 = 0;
	fl_submit_batched(e, FL_EVENT_MIGRATION);
}

static __always_inline void emit_task_stats(struct task_struct *p, struct gamer_task *t, u64 now)
{
	struct fl_task_stats_event *e;

	e = fl_ring_reserve(&fl_rb_task_stats, FL_EVENT_TASK_STATS, sizeof(*e));
	if (!e)
		return;
	fl_event_header_init(&e->header, FL_EVENT_TASK_STATS, FL_EVENT_VERSION_TASK_STATS, sizeof(*e), now);
	e->pid = p->tgid;
	e->tid = p->pid;
	fl_copy_comm(e->comm, p->comm);
	e->window_start_ns = t->win_start;
	e->window_ns = stats_window_ns;
	e->run_time_ns = t->win_run_ns;
	e->wake_to_run_sum_ns = t->win_w2r_sum;
	e->wake_to_run_max_ns = t->win_w2r_max;
	e->wakeups = t->win_wakeups;
	e->voluntary_switches = t->win_voluntary;
	e->involuntary_switches = t->win_involuntary;
	e->migrations = t->win_migrations;
	e->last_cpu = t->last_cpu;
	e->thread_class = t->cls;
	e->pad0 = 0;
	e->pad1 = 0;
	fl_submit_batched(e, FL_EVENT_TASK_STATS);
}

static __always_inline void stats_reset(struct gamer_task *t, u64 now)
{
	u64 window = stats_window_ns ? stats_window_ns : 100 * FL_MS;

	t->win_start = now - now % window;
	t->win_run_ns = 0;
	t->win_w2r_sum = 0;
	t->win_w2r_max = 0;
	t->win_wakeups = 0;
	t->win_voluntary = 0;
	t->win_involuntary = 0;
	t->win_migrations = 0;
}

static __always_inline bool stats_active(struct gamer_task *t)
{
	return t->win_run_ns || t->win_wakeups || t->win_voluntary || t->win_involuntary;
}

/* When the task's window has ended: its stats go out, a new window starts, its class is re-decided in full. */
static __always_inline void stats_roll(struct task_struct *p, struct gamer_task *t, u64 now)
{
	if (now - t->win_start < stats_window_ns)
		return;
	if (stats_active(t))
		emit_task_stats(p, t, now);
	stats_reset(t, now);
	refresh_class(p, t, now, false, true);
}

/* ---- callbacks ---------------------------------------------------------------- */

s32 SCX_OPS(gamer_select_cpu, struct task_struct *p, s32 prev_cpu, u64 wake_flags)
{
	struct gamer_task *t = task_of(p);
	struct gamer_stats *s;
	u64 now;
	s32 cpu;
	u8 reason = FL_MIGRATION_IDLE_PICK;

	if (!t)
		return prev_cpu;
	now = bpf_ktime_get_ns();
	wakeup_begin(p, t, now);
	t->flags |= GT_SELECTED;
	if (test_stall_tid && p->pid == test_stall_tid)
		return prev_cpu;

	cpu = pick_idle_cpu(p, prev_cpu);
	if (cpu < 0 && (wake_flags & SCX_WAKE_SYNC)) {
		s32 waker = bpf_get_smp_processor_id();

		if (bpf_cpumask_test_cpu(waker, p->cpus_ptr) && scx_bpf_dsq_nr_queued(SCX_DSQ_LOCAL) == 0 &&
		    scx_bpf_dsq_nr_queued(GAMER_SHARED_DSQ) == 0) {
			cpu = waker;
			reason = FL_MIGRATION_WAKEUP_AFFINITY;
		}
	}
	if (cpu < 0)
		return prev_cpu;

	queue_deadline(p, t, now, reason == FL_MIGRATION_IDLE_PICK);
	scx_bpf_dsq_insert(p, SCX_DSQ_LOCAL, t->slice_ns, 0);
	note_move(t, cpu, reason, now);
	if ((s = stats()))
		s->direct_dispatches++;
	return cpu;
}

void SCX_OPS(gamer_enqueue, struct task_struct *p, u64 enq_flags)
{
	struct gamer_task *t = task_of(p);
	struct gamer_stats *s = stats();
	u64 now = bpf_ktime_get_ns();
	s32 cpu;

	if (!t) {
		/* no state (allocation failed): still schedule it, in vtime order of the clock */
		scx_bpf_dsq_insert_vtime(p, GAMER_SHARED_DSQ, SCX_SLICE_DFL, vtime_now, enq_flags);
		return;
	}
	if (enq_flags & SCX_ENQ_WAKEUP) {
		if (!(t->flags & GT_SELECTED))
			wakeup_begin(p, t, now);
	} else {
		/* a requeue (preempted, slice used up): the class only changes if userspace wrote a policy */
		t->ready_at = now;
		t->flags &= ~GT_WOKEN;
		if (policy_generation() != t->policy_gen)
			refresh_class(p, t, now, false, false);
	}
	t->flags &= ~GT_SELECTED;
	if (test_stall_tid && p->pid == test_stall_tid) {
		if (s)
			s->stalled_enqueues++;
		return;
	}

	scx_bpf_dsq_insert_vtime(p, GAMER_SHARED_DSQ, t->slice_ns, queue_deadline(p, t, now, false), enq_flags);
	t->flags |= GT_SHARED;
	if (s)
		s->shared_enqueues++;

	/* A CPU may have gone idle since select_cpu looked (or select_cpu was skipped). */
	cpu = scx_bpf_pick_idle_cpu(p->cpus_ptr, SCX_PICK_IDLE_CORE);
	if (cpu < 0)
		cpu = scx_bpf_pick_idle_cpu(p->cpus_ptr, 0);
	if (cpu >= 0) {
		scx_bpf_kick_cpu(cpu, SCX_KICK_IDLE);
		note_move(t, cpu, FL_MIGRATION_IDLE_PICK, now);
		if (s)
			s->idle_kicks++;
		return;
	}
	preempt_for(p, t);
}

void SCX_OPS(gamer_dispatch, s32 cpu, struct task_struct *prev)
{
	if (scx_bpf_dsq_move_to_local(GAMER_SHARED_DSQ)) {
		struct gamer_stats *s = stats();
		struct gamer_cpu *c = cpu_of(cpu);

		if (c)
			c->dispatch_at = bpf_ktime_get_ns();
		if (s)
			s->dispatches++;
	}
}

void SCX_OPS(gamer_running, struct task_struct *p)
{
	struct gamer_task *t = task_of(p);
	s32 cpu = bpf_get_smp_processor_id();
	struct gamer_cpu *c = cpu_of(cpu);
	u64 now;

	if (!t)
		return;
	now = bpf_ktime_get_ns();
	stats_roll(p, t, now);
	t->running_at = now;
	if (fl_time_before(vtime_now, t->vtime))
		vtime_now = t->vtime;

	if (t->ready_at) {
		u64 wait = now - t->ready_at;

		if (t->flags & GT_WOKEN) {
			t->win_wakeups++;
			t->win_w2r_sum += wait;
			if (wait > t->win_w2r_max)
				t->win_w2r_max = wait;
		}
		if (t->expected_run_ns && now - t->expected_run_ns > deadline_miss_threshold_ns &&
		    fl_time_before(t->expected_run_ns, now) && (deadline_miss_classes & (1u << (t->cls & 31))))
			emit_deadline_miss(p, t, now, cpu);
		t->ready_at = 0;
		t->expected_run_ns = 0;
	}

	if (t->last_cpu >= 0 && cpu != t->last_cpu) {
		u8 reason = FL_MIGRATION_UNKNOWN;
		u64 since = 0;

		if (t->mig_reason == FL_MIGRATION_CPUMASK_CHANGE ||
		    (t->mig_reason && t->mig_target == cpu && !(t->flags & GT_SHARED))) {
			reason = t->mig_reason;
			since = t->mig_decided_at;
		} else if (t->flags & GT_SHARED) {
			/* pulled off the shared DSQ by a CPU other than its own, kicked or not */
			reason = t->mig_reason == FL_MIGRATION_IDLE_PICK && t->mig_target == cpu ?
					 FL_MIGRATION_IDLE_PICK : FL_MIGRATION_LOAD_BALANCE;
			since = reason == FL_MIGRATION_IDLE_PICK ? t->mig_decided_at : (c ? c->dispatch_at : 0);
		}
		t->win_migrations++;
		emit_migration(p, t, t->last_cpu, cpu, reason, since && fl_time_before(since, now) ? now - since : 0, now);
	}
	t->last_cpu = cpu;
	t->mig_reason = 0;
	t->flags &= ~(GT_SHARED | GT_SELECTED);

	if (c) {
		c->deadline = t->deadline;
		c->boost = t->boost;
		c->pid = p->pid;
	}
}

void SCX_OPS(gamer_stopping, struct task_struct *p, bool runnable)
{
	struct gamer_task *t = task_of(p);
	struct gamer_cpu *c = cpu_of(bpf_get_smp_processor_id());
	u64 now, ran;

	if (c)
		c->pid = 0;
	if (!t || !t->running_at)
		return;
	now = bpf_ktime_get_ns();
	ran = fl_time_before(t->running_at, now) ? now - t->running_at : 0;
	t->running_at = 0;
	t->vtime += ran * 100 / task_weight(p);
	t->exec_runtime += ran;
	if (t->exec_runtime > exec_runtime_max_ns)
		t->exec_runtime = exec_runtime_max_ns;
	t->win_run_ns += ran;
	if (runnable)
		t->win_involuntary++;
	else
		t->win_voluntary++;
	stats_roll(p, t, now);
}

void SCX_OPS(gamer_set_cpumask, struct task_struct *p, const struct cpumask *cpumask)
{
	struct gamer_task *t = task_of(p);

	if (t && t->last_cpu >= 0 && !bpf_cpumask_test_cpu(t->last_cpu, cpumask)) {
		t->mig_reason = FL_MIGRATION_CPUMASK_CHANGE;
		t->mig_target = -1;
		t->mig_decided_at = bpf_ktime_get_ns();
	}
}

s32 SCX_OPS(gamer_init_task, struct task_struct *p, struct scx_init_task_args *args)
{
	struct gamer_task *t = bpf_task_storage_get(&gamer_tasks, p, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);

	if (!t || !fl_thread_of(p))
		return -ENOMEM;
	t->last_cpu = -1;
	t->mig_target = -1;
	return 0;
}

void SCX_OPS(gamer_enable, struct task_struct *p)
{
	struct gamer_task *t = task_of(p);
	u64 now = bpf_ktime_get_ns();

	if (!t)
		return;
	t->last_cpu = scx_bpf_task_cpu(p);
	stats_reset(t, now);
	refresh_class(p, t, now, false, true);
	t->vtime = vtime_now + weighted_capped(p, t->slice_ns);
}

/* task_struct.flags: the task is exiting (not merely leaving sched_ext) */
#define GAMER_PF_EXITING 0x00000004

void SCX_OPS(gamer_exit_task, struct task_struct *p, struct scx_exit_task_args *args)
{
	struct gamer_task *t = task_of(p);

	if (t && stats_active(t))
		emit_task_stats(p, t, bpf_ktime_get_ns());
	/* a game process that ends stops counting as one (its pid may be reused) */
	if (p->pid == p->tgid && (p->flags & GAMER_PF_EXITING))
		fl_game_remove(p->tgid);
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
	.set_cpumask = (void *)gamer_set_cpumask,
	.init_task = (void *)gamer_init_task,
	.exit_task = (void *)gamer_exit_task,
	.enable = (void *)gamer_enable,
	.init = (void *)gamer_init,
	.exit = (void *)gamer_exit_cb,
	.name = "gamer",
};
