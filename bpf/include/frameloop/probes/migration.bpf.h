/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Migrations: the ring set fl_rbs_migration (16 shards by default) and, for observe mode, the
 * probe fl_migrate_btf tp_btf/sched_migrate_task (no classic-tracepoint fallback: its record has
 * the tid only, and every kernel frameloop runs on has BTF), one struct fl_migration_event per task moved to another CPU (reason unknown, latency 0: the
 * tracepoint fires when the move is decided, before the task runs there). In scheduler mode
 * the gamer scheduler writes this stream itself, with its reasons and latencies, and the
 * collector leaves the probe off.
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

static __always_inline void fl_migration_observed(struct task_struct *p, __u32 from, __u32 to)
{
	struct fl_migration_event *e;
	struct fl_thread *th;

	if (from == to)
		return;
	e = fl_ring_set_reserve(&fl_rbs_migration, FL_EVENT_MIGRATION, sizeof(*e));
	if (!e)
		return;
	th = bpf_task_storage_get(&fl_threads, p, 0, 0);
	fl_event_header_init(&e->header, FL_EVENT_MIGRATION, FL_EVENT_VERSION_MIGRATION, sizeof(*e), bpf_ktime_get_ns());
	e->pid = p->tgid;
	e->tid = p->pid;
	e->from_cpu = from;
	e->to_cpu = to;
	e->latency_ns = 0;
	e->reason = FL_MIGRATION_UNKNOWN;
	e->thread_class = th ? th->cls : FL_CLASS_UNKNOWN;
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
