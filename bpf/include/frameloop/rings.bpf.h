/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Ring buffers every frameloop BPF producer writes through, with drops counted.
 *
 * Naming (the collector finds rings by these names, nothing else):
 *   fl_rb_<stream>    one BPF_MAP_TYPE_RINGBUF, for rare events
 *   fl_rbs_<stream>   a BPF_MAP_TYPE_ARRAY_OF_MAPS of ringbufs ("distributed" rings for
 *                     high-rate events); a record goes to shard cpu % shards
 * Sizes and shard counts in the declarations are defaults: userspace sets them before
 * load (bpf_map__set_max_entries on the ring or on the set's inner map template) from
 * options; the set's shards are created and inserted by userspace.
 *
 * Drops: every failed reservation increments fl_ring_drops[stream * FL_RING_SHARDS_MAX + shard]
 * (a per-CPU array; userspace sums the CPUs). stream is the event type id
 * (enum fl_event_type) of what the ring carries, 0 for the benchmark ring.
 */
#ifndef FRAMELOOP_RINGS_BPF_H
#define FRAMELOOP_RINGS_BPF_H

#include <bpf/bpf_helpers.h>

#define FL_RING_SHARDS_MAX 64
#define FL_RING_STREAMS_MAX 16

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

static __always_inline void fl_ring_count_drop(__u32 stream, __u32 shard)
{
	__u32 key = stream * FL_RING_SHARDS_MAX + shard;
	__u64 *n = bpf_map_lookup_elem(&fl_ring_drops, &key);

	if (n)
		*n += 1;
}

/* Reserves size bytes on a single ring; NULL (and a counted drop) when it is full. */
static __always_inline void *fl_ring_reserve(void *ring, __u32 stream, __u64 size)
{
	void *rec = bpf_ringbuf_reserve(ring, size, 0);

	if (!rec)
		fl_ring_count_drop(stream, 0);
	return rec;
}

/* Reserves size bytes on this CPU's shard of a ring set; NULL (and a counted drop) when full. */
static __always_inline void *fl_ring_set_reserve(void *set, __u32 stream, __u64 size)
{
	__u32 shards = stream < FL_RING_STREAMS_MAX ? fl_ring_shards[stream] : 0;
	__u32 shard = shards > 1 ? bpf_get_smp_processor_id() % shards : 0;
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

#endif /* FRAMELOOP_RINGS_BPF_H */
