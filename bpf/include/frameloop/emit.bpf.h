/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Writing events into rings (rings.bpf.h): the common header, a per-stream count of the
 * records written, and when to wake the reader.
 *
 *   fl_stream_events   per-CPU array [FL_RING_STREAMS_MAX] of struct fl_stream_counter:
 *                      `written` = records committed to the stream's ring(s) (userspace sums
 *                      the CPUs); with fl_ring_drops it gives what each stream produced
 *
 * Waking the reader costs more than writing a record (an irq_work per wakeup: ~1.5 us against
 * ~0.15 us, see FIELD-NOTES). Rare streams (class changes, policy applied) wake the reader as
 * libbpf does by default (it wakes only a reader that has caught up). Frequent streams
 * (migrations, task stats, deadline misses) are written with BPF_RB_NO_WAKEUP and ask for a
 * wakeup every ring_wakeup_batch-th record per CPU: their reader must also poll on a timeout
 * (it finds the rest on its next pass).
 */
#ifndef FRAMELOOP_EMIT_BPF_H
#define FRAMELOOP_EMIT_BPF_H

#include <bpf/bpf_helpers.h>
#include "frameloop/events.h"
#include "frameloop/rings.bpf.h"

/* Records per CPU and stream between wakeups of the reader of a frequent stream (.rodata). */
const volatile __u32 ring_wakeup_batch = 32;

struct fl_stream_counter {
	__u64 written;  /* records committed */
	__u64 unwoken;  /* records committed since this CPU last asked for a wakeup */
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FL_RING_STREAMS_MAX);
	__type(key, __u32);
	__type(value, struct fl_stream_counter);
} fl_stream_events SEC(".maps");

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

/* Commits a record of a rare stream: the reader is woken if it has caught up. */
static __always_inline void fl_submit_now(void *rec, __u32 stream)
{
	struct fl_stream_counter *c = bpf_map_lookup_elem(&fl_stream_events, &stream);

	bpf_ringbuf_submit(rec, 0);
	if (c)
		c->written++;
}

/* Commits a record of a frequent stream: wakes the reader only every ring_wakeup_batch-th record. */
static __always_inline void fl_submit_batched(void *rec, __u32 stream)
{
	struct fl_stream_counter *c = bpf_map_lookup_elem(&fl_stream_events, &stream);
	__u64 flags = BPF_RB_NO_WAKEUP;

	if (c) {
		c->written++;
		if (++c->unwoken >= ring_wakeup_batch) {
			c->unwoken = 0;
			/* forced: the default (adaptive) wakeup only fires when the reader has read every earlier
			 * record, which after a batch of unwoken ones it has not (seen in the guest: an 8 kHz
			 * input stream waited for the reader's poll timeout and overflowed its ring) */
			flags = BPF_RB_FORCE_WAKEUP;
		}
	}
	bpf_ringbuf_submit(rec, flags);
}

#endif /* FRAMELOOP_EMIT_BPF_H */
