/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Ring buffers every frameloop BPF producer writes through, with drops counted.
 *
 * Naming (the collector finds rings by these names, nothing else):
 *   fl_rb_<stream>    one BPF_MAP_TYPE_RINGBUF, for rare events
 *   fl_rbs_<stream>   a BPF_MAP_TYPE_ARRAY_OF_MAPS of ringbufs ("distributed" rings for
 *                     high-rate events); a record goes to shard cpu % shards
 * <stream> is the lower-case name of the event type the ring carries (input, process,
 * frame_timing, gpu_submit, migration, thread_class, deadline_miss, task_stats,
 * policy_applied: enum fl_event_type without FL_EVENT_), or bench / bench_set for the
 * benchmark producer. Its stream id (below) is that type's code.
 *
 * Sizes and shard counts in the declarations are defaults: userspace sets them before
 * load from options (bpf_map__set_max_entries on the ring; on a set, on the outer map for
 * the shard count and on its inner map template for the bytes per shard; and
 * fl_ring_shards[stream] in .rodata); the set's shards are created, inserted and mapped by
 * userspace after load. A set's missing shard counts as a drop, never a silent loss.
 *
 * Drops: every failed reservation increments fl_ring_drops[stream * FL_RING_SHARDS_MAX + shard]
 * (a per-CPU array; userspace sums the CPUs). A single ring is shard 0 of its stream.
 *
 * Wakeups (committed by emit.bpf.h): waking the reader costs far more than writing a record
 * (an irq_work whose IPI and wakeup are charged to the program: ~18 us on the build machine
 * against ~0.1-0.6 us for the record, see FIELD-NOTES), so records are committed without one
 * and the reader finds them on its next poll (its epoll timeout bounds the delay). A
 * reservation decides whether its commit wakes the reader after all: when it takes the bytes
 * waiting to be read across 1/FL_RING_WAKEUP_FRACTION of the ring (the reader sleeps while
 * data piles up), and on every record while more than half the ring waits (a crossing can be
 * missed when two CPUs reserve on one ring at once). The decision waits in this CPU's
 * fl_stream_events[stream].wake until the commit; a program nesting on the same stream and
 * CPU between the two can only move a wakeup, never lose a record.
 *
 * Including this header also anchors every wire-format type of events.h in the object's
 * BTF (fl_wire_format_btf below): the collector checks the Java mirror against the BTF of
 * every object whose rings it reads, before reading any.
 */
#ifndef FRAMELOOP_RINGS_BPF_H
#define FRAMELOOP_RINGS_BPF_H

#include <bpf/bpf_helpers.h>
#include "frameloop/events.h"

#define FL_RING_SHARDS_MAX 64
#define FL_RING_STREAMS_MAX 16

/* Stream ids: enum fl_event_type codes (1..14) for event rings, and these two. */
#define FL_RING_STREAM_BENCH 0      /* fl_rb_bench */
#define FL_RING_STREAM_BENCH_SET 15 /* fl_rbs_bench_set */

#define FL_RING(name, default_bytes)                                    \
	struct {                                                        \
		__uint(type, BPF_MAP_TYPE_RINGBUF);                     \
		__uint(max_entries, default_bytes);                     \
	} name SEC(".maps")

#define FL_RING_SET(name, default_shards, default_bytes)                \
	struct {                                                        \
		__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);               \
		__uint(max_entries, default_shards);                    \
		__type(key, __u32);                                     \
		__array(values, struct {                                \
			__uint(type, BPF_MAP_TYPE_RINGBUF);             \
			__uint(max_entries, default_bytes);             \
		});                                                     \
	} name SEC(".maps")

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FL_RING_STREAMS_MAX * FL_RING_SHARDS_MAX);
	__type(key, __u32);
	__type(value, __u64);
} fl_ring_drops SEC(".maps");

/* A record wakes the reader when the bytes waiting cross 1/FL_RING_WAKEUP_FRACTION of its ring. */
#define FL_RING_WAKEUP_FRACTION 4

/*
 * Per stream and CPU: records committed (`written`, userspace sums the CPUs; with fl_ring_drops
 * it gives what each stream produced) and the wakeup decision of the last reservation.
 */
struct fl_stream_counter {
	__u64 written; /* records committed (first member: userspace reads it by offset too) */
	__u64 wake;    /* 1: the record reserved last on this CPU wakes the reader when committed */
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FL_RING_STREAMS_MAX);
	__type(key, __u32);
	__type(value, struct fl_stream_counter);
} fl_stream_events SEC(".maps");

/* Shards of each stream's ring set, set by userspace before load (0 or 1: shard 0 only). */
const volatile __u32 fl_ring_shards[FL_RING_STREAMS_MAX];

/*
 * Streams nobody records (bit: stream id), set by userspace before load: their reservations return NULL at no
 * cost (the verifier sees the constant and drops the producer's code), counting no drop.
 */
const volatile __u32 fl_streams_off;

static __always_inline bool fl_stream_off(__u32 stream)
{
	return stream < 32 && (fl_streams_off & (1u << stream));
}

/* Every wire-format type, so that this object's BTF describes them all (never written). */
struct fl_wire_format_btf {
	struct fl_event_header header;
	struct fl_input_event input;
	struct fl_process_event process;
	struct fl_frame_timing_event frame_timing;
	struct fl_gpu_submit_event gpu_submit;
	struct fl_migration_event migration;
	struct fl_thread_class_event thread_class;
	struct fl_deadline_miss_event deadline_miss;
	struct fl_task_stats_event task_stats;
	struct fl_policy_applied_event policy_applied;
	struct fl_policy_decision_event policy_decision;
	enum fl_event_type event_type;
	enum fl_event_version event_version;
	enum fl_device_kind device_kind;
	enum fl_process_action process_action;
	enum fl_process_source process_source;
	enum fl_frame_source frame_source;
	enum fl_gpu_driver gpu_driver;
	enum fl_gpu_submit_source gpu_submit_source;
	enum fl_migration_reason migration_reason;
	enum fl_migration_source migration_source;
	enum fl_thread_class thread_class_enum;
	enum fl_detection_method detection_method;
	struct fl_bench_frame bench_frame;
	enum fl_policy_action policy_action;
	enum fl_policy_reason policy_reason;
	struct fl_bench_record bench_record; /* last: it ends in a flexible array */
};
struct fl_wire_format_btf fl_wire_format_btf __attribute__((weak));

static __always_inline void fl_ring_count_drop(__u32 stream, __u32 shard)
{
	__u32 key = stream * FL_RING_SHARDS_MAX + shard;
	__u64 *n = bpf_map_lookup_elem(&fl_ring_drops, &key);

	if (n)
		*n += 1;
}

/* Whether a record of size bytes reserved on ring now should wake the reader (see the header comment). */
static __always_inline bool fl_ring_wake_due(void *ring, __u64 size)
{
	__u64 waiting = bpf_ringbuf_query(ring, BPF_RB_AVAIL_DATA);
	__u64 ring_size = bpf_ringbuf_query(ring, BPF_RB_RING_SIZE);
	__u64 threshold = ring_size / FL_RING_WAKEUP_FRACTION;
	__u64 after = waiting + ((size + 8 + 7) & ~7ULL); /* BPF_RINGBUF_HDR_SZ, 8-byte rounding */

	return (waiting < threshold && after >= threshold) || after > ring_size / 2;
}

/* Remembers the wakeup decision for the commit of the record just reserved. */
static __always_inline void fl_ring_note_wake(void *ring, __u32 stream, __u64 size)
{
	struct fl_stream_counter *c = bpf_map_lookup_elem(&fl_stream_events, &stream);

	if (c)
		c->wake = fl_ring_wake_due(ring, size);
}

/* This CPU's shard of a stream's ring set. */
static __always_inline __u32 fl_ring_shard(__u32 stream)
{
	__u32 shards = stream < FL_RING_STREAMS_MAX ? fl_ring_shards[stream] : 0;

	return shards > 1 ? bpf_get_smp_processor_id() % shards : 0;
}

/* Reserves size (a constant) bytes on a single ring; NULL (and a counted drop) when it is full. */
static __always_inline void *fl_ring_reserve(void *ring, __u32 stream, __u64 size)
{
	void *rec;

	if (fl_stream_off(stream))
		return NULL;
	fl_ring_note_wake(ring, stream, size);
	rec = bpf_ringbuf_reserve(ring, size, 0);
	if (!rec)
		fl_ring_count_drop(stream, 0);
	return rec;
}

/* Reserves size (a constant) bytes on this CPU's shard of a ring set; NULL (and a counted drop) when full. */
static __always_inline void *fl_ring_set_reserve(void *set, __u32 stream, __u64 size)
{
	__u32 shard;
	void *ring;
	void *rec;

	if (fl_stream_off(stream))
		return NULL;
	shard = fl_ring_shard(stream);
	ring = bpf_map_lookup_elem(set, &shard);
	if (shard >= FL_RING_SHARDS_MAX)
		return NULL;
	if (!ring) {
		fl_ring_count_drop(stream, shard);
		return NULL;
	}
	fl_ring_note_wake(ring, stream, size);
	rec = bpf_ringbuf_reserve(ring, size, 0);
	if (!rec)
		fl_ring_count_drop(stream, shard);
	return rec;
}

/*
 * Variable-size reservations (size known only at run time): reserve into *ptr; on failure
 * the drop is counted and *ptr is already released (nothing to discard). On success the
 * caller writes through bpf_dynptr_data/bpf_dynptr_write and ends with
 * bpf_ringbuf_submit_dynptr or bpf_ringbuf_discard_dynptr. Returns 0 or a negative error.
 */
static __always_inline long fl_ring_reserve_dynptr(void *ring, __u32 stream, __u32 shard, __u32 size,
						   struct bpf_dynptr *ptr)
{
	long err = bpf_ringbuf_reserve_dynptr(ring, size, 0, ptr);

	if (err) {
		bpf_ringbuf_discard_dynptr(ptr, 0); /* the verifier wants it released even on failure */
		fl_ring_count_drop(stream, shard);
	}
	return err;
}

static __always_inline long fl_ring_set_reserve_dynptr(void *set, __u32 stream, __u32 size,
						       struct bpf_dynptr *ptr)
{
	__u32 shard = fl_ring_shard(stream);
	void *ring = bpf_map_lookup_elem(set, &shard);

	if (shard >= FL_RING_SHARDS_MAX)
		return -22; /* EINVAL */
	if (!ring) {
		fl_ring_count_drop(stream, shard);
		return -2; /* ENOENT */
	}
	return fl_ring_reserve_dynptr(ring, stream, shard, size, ptr);
}

#endif /* FRAMELOOP_RINGS_BPF_H */
