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

/* Shards of each stream's ring set, set by userspace before load (0 or 1: shard 0 only). */
const volatile __u32 fl_ring_shards[FL_RING_STREAMS_MAX];

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

/* This CPU's shard of a stream's ring set. */
static __always_inline __u32 fl_ring_shard(__u32 stream)
{
	__u32 shards = stream < FL_RING_STREAMS_MAX ? fl_ring_shards[stream] : 0;

	return shards > 1 ? bpf_get_smp_processor_id() % shards : 0;
}

/* Reserves size (a constant) bytes on a single ring; NULL (and a counted drop) when it is full. */
static __always_inline void *fl_ring_reserve(void *ring, __u32 stream, __u64 size)
{
	void *rec = bpf_ringbuf_reserve(ring, size, 0);

	if (!rec)
		fl_ring_count_drop(stream, 0);
	return rec;
}

/* Reserves size (a constant) bytes on this CPU's shard of a ring set; NULL (and a counted drop) when full. */
static __always_inline void *fl_ring_set_reserve(void *set, __u32 stream, __u64 size)
{
	__u32 shard = fl_ring_shard(stream);
	void *ring = bpf_map_lookup_elem(set, &shard);
	void *rec;

	if (shard >= FL_RING_SHARDS_MAX)
		return NULL;
	if (!ring) {
		fl_ring_count_drop(stream, shard);
		return NULL;
	}
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
