/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Migrations: the ring set fl_rbs_migration (16 shards by default) and, for observe mode, the
 * probe fl_migrate_btf tp_btf/sched_migrate_task (no classic-tracepoint fallback: its record has
 * the tid only, and every kernel frameloop runs on has BTF), one struct fl_migration_event per task moved to another CPU (reason unknown, latency 0: the
 * tracepoint fires when the move is decided, before the task runs there). In scheduler mode
 * the gamer scheduler writes this stream itself, with its reasons and latencies, and the
 * collector leaves the probe off (loaded, attached only if the kernel ejects the scheduler). When
 * the session does not record migrations the collector loads no migration program and turns the
 * stream off (fl_streams_off, rings.bpf.h), so the scheduler writes none either.
 *
 * Cost: the probe runs at every migration, mostly with cold caches (a few hundred per second); each
 * cache line it touches costs ~0.1-0.3 us then (bench probes, FIELD-NOTES). The thread class is looked
 * up only where a classifier sets it (gamer.bpf.o, after an ejection).
 */
#ifndef FRAMELOOP_PROBES_MIGRATION_BPF_H
#define FRAMELOOP_PROBES_MIGRATION_BPF_H

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "frameloop/events.h"
#include "frameloop/rings.bpf.h"
#include "frameloop/emit.bpf.h"
#include "frameloop/threads.bpf.h"

FL_RING_SET(fl_rbs_migration, 16, 32 * 1024);

/* The class the classifier gave p; unknown in an object without one (observe), which skips the lookup. */
static __always_inline __u8 fl_migration_class(struct task_struct *p)
{
#ifdef FRAMELOOP_CLASSIFY_BPF_H
	struct fl_thread *th = bpf_task_storage_get(&fl_threads, p, 0, 0);

	return th ? th->cls : FL_CLASS_UNKNOWN;
#else
	return FL_CLASS_UNKNOWN;
#endif
}

static __always_inline void fl_migration_observed(struct task_struct *p, __u32 from, __u32 to)
{
	struct fl_migration_event *e;

	if (from == to)
		return;
	e = fl_ring_set_reserve(&fl_rbs_migration, FL_EVENT_MIGRATION, sizeof(*e));
	if (!e)
		return;
	fl_event_header_init(&e->header, FL_EVENT_MIGRATION, FL_EVENT_VERSION_MIGRATION, sizeof(*e), bpf_ktime_get_ns());
	e->pid = p->tgid;
	e->tid = p->pid;
	e->from_cpu = from;
	e->to_cpu = to;
	e->latency_ns = 0;
	e->reason = FL_MIGRATION_UNKNOWN;
	e->thread_class = fl_migration_class(p);
	e->source = FL_MIGRATION_SOURCE_TP_SCHED_MIGRATE_TASK;
	e->pad0 = 0;
	e->pad1 = 0;
	fl_submit_batched(e, FL_EVENT_MIGRATION);
}

SEC("tp_btf/sched_migrate_task")
int BPF_PROG(fl_migrate_btf, struct task_struct *p, int dest_cpu)
{
	fl_migration_observed(p, p->thread_info.cpu, dest_cpu);
	return 0;
}

#endif /* FRAMELOOP_PROBES_MIGRATION_BPF_H */
