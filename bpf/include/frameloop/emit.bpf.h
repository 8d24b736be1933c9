/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Writing events into rings (rings.bpf.h): the common header, the per-stream count of the
 * records written (fl_stream_events), and the commit, which wakes the reader only when the
 * reservation said so (rings.bpf.h, "Wakeups"): a stream's reader must poll on a timeout too,
 * and finds the rest of the records on its next pass.
 */
#ifndef FRAMELOOP_EMIT_BPF_H
#define FRAMELOOP_EMIT_BPF_H

#include <bpf/bpf_helpers.h>
#include "frameloop/events.h"
#include "frameloop/rings.bpf.h"

static __always_inline void fl_event_header_init(struct fl_event_header *h, __u16 type, __u16 version,
						 __u32 size, __u64 now)
{
	h->type = type;
	h->version = version;
	h->size = size;
	h->cpu = bpf_get_smp_processor_id();
	h->pad0 = 0;
	h->timestamp_ns = now;
}

/* Commits a record reserved by fl_ring_reserve/fl_ring_set_reserve of the same stream on this CPU. */
static __always_inline void fl_submit_batched(void *rec, __u32 stream)
{
	struct fl_stream_counter *c = bpf_map_lookup_elem(&fl_stream_events, &stream);
	__u64 flags = BPF_RB_NO_WAKEUP;

	if (c) {
		c->written++;
		if (c->wake) {
			c->wake = 0;
			/* forced: the default (adaptive) wakeup only fires when the reader has read every earlier
			 * record, which after unwoken ones it has not (seen in the guest: an 8 kHz input stream
			 * waited for the reader's poll timeout and overflowed its ring) */
			flags = BPF_RB_FORCE_WAKEUP;
		}
	}
	bpf_ringbuf_submit(rec, flags);
}

/*
 * The policy-applied event: the scheduler (or the loop bench's stand-in for it) first used the
 * boost_policy entry written at entry_ts, at `now`. `ring` is the object's policy-applied ring.
 */
static __always_inline void fl_emit_policy_applied(void *ring, __u32 pid, __u32 tid, __u64 entry_ts,
						    __u64 expiry_ns, __u64 slice_ns, __u32 boost, __u8 role,
						    __u64 now)
{
	struct fl_policy_applied_event *e;

	e = fl_ring_reserve(ring, FL_EVENT_POLICY_APPLIED, sizeof(*e));
	if (!e)
		return;
	fl_event_header_init(&e->header, FL_EVENT_POLICY_APPLIED, FL_EVENT_VERSION_POLICY_APPLIED, sizeof(*e), now);
	e->pid = pid;
	e->tid = tid;
	e->entry_timestamp_ns = entry_ts;
	e->expiry_ns = expiry_ns;
	e->slice_ns = slice_ns;
	e->boost = boost;
	e->role = role;
	e->pad0 = 0;
	e->pad1 = 0;
	fl_submit_batched(e, FL_EVENT_POLICY_APPLIED);
}

#endif /* FRAMELOOP_EMIT_BPF_H */
