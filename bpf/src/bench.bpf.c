// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Benchmark producer: emits args->count struct fl_bench_record records of args->size bytes
 * (seq, bpf_ktime_get_ns() at reservation, filler) with bpf_loop, into fl_rb_bench
 * (bench_emit) or this CPU's shard of fl_rbs_bench_set (bench_emit_set). Run by
 * BPF_PROG_TEST_RUN with a struct fl_bench_args as context; failed reservations are counted
 * in fl_ring_drops (rings.bpf.h) and in args->dropped. Returns 0, or -EINVAL for bad args.
 *
 * bench_emit_frames emits struct fl_bench_frame records (a frame-timing row: four 64-bit
 * integers, two flags) into fl_rb_bench, each value derived from seq by fl_bench_frame_fill, so
 * that frameloop bench record writes rows of realistic spread and a reader can check them.
 *
 * Throughput runs emit a batch with FL_BENCH_WAKEUP_NONE into a ring large enough to hold it
 * and time the consumer's drain; latency runs call the program with count 1 at a fixed rate
 * from a userspace pacing thread, with adaptive wakeups.
 */
/* bpftool 7.1's dump of the 7.2 kernel's BTF has anonymous members clang warns about */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wmissing-declarations"
#include "vmlinux.h"
#pragma clang diagnostic pop
#include <bpf/bpf_helpers.h>
#include "frameloop/events.h"
#include "frameloop/bench.h"
#include "frameloop/rings.bpf.h"

#define EINVAL 22
#define BPF_RB_NO_WAKEUP_FLAG 1
#define BPF_RB_FORCE_WAKEUP_FLAG 2

FL_RING(fl_rb_bench, 256 * 1024);
FL_RING_SET(fl_rbs_bench_set, 2, 64 * 1024);

struct emit_state {
	__u64 first_seq;
	__u64 emitted;
	__u64 dropped;
	__u64 submit_flags;
	__u32 size;
};

static __always_inline long emit(struct emit_state *s, __u32 index, struct bpf_dynptr *ptr, long reserved)
{
	struct fl_bench_record *rec;

	if (reserved) {
		s->dropped++;
		return 0;
	}
	rec = bpf_dynptr_data(ptr, 0, sizeof(*rec));
	if (!rec) {
		bpf_ringbuf_discard_dynptr(ptr, 0);
		return 1;
	}
	rec->seq = s->first_seq + index;
	rec->timestamp_ns = bpf_ktime_get_ns();
	bpf_ringbuf_submit_dynptr(ptr, s->submit_flags);
	s->emitted++;
	return 0;
}

/*
 * Frame values from seq: h = splitmix64(seq) (a full-avalanche mix, so consecutive rows do not
 * form an arithmetic progression that delta encoding would erase), then disjoint bit fields of h: an interval of 16.17-17.21 ms (60 Hz with jitter), a GPU-to-present time of 0.8-5.0 ms, a
 * dropped frame 1 in 128, a missed vblank 1 in 32. BenchFrameValues (Java) is the same function.
 */
static __always_inline void fl_bench_frame_fill(struct fl_bench_frame *f, __u64 seq)
{
	__u64 h = seq + 0x9E3779B97F4A7C15ull;

	h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
	h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
	h ^= h >> 31;

	f->seq = seq;
	f->frame_interval_ns = 16166667 + ((h >> 32) & 0xFFFFF);
	f->gpu_to_present_ns = 800000 + ((h >> 10) & 0x3FFFFF);
	f->frame_dropped = ((h >> 57) & 127) == 0;
	f->vsync_missed = ((h >> 52) & 31) == 0;
	__builtin_memset(f->pad0, 0, sizeof(f->pad0));
}

static long emit_frame(__u32 index, void *data)
{
	struct emit_state *s = data;
	struct fl_bench_frame *f;
	struct bpf_dynptr ptr;

	if (fl_ring_reserve_dynptr(&fl_rb_bench, FL_RING_STREAM_BENCH, 0, sizeof(*f), &ptr)) {
		s->dropped++;
		return 0;
	}
	f = bpf_dynptr_data(&ptr, 0, sizeof(*f));
	if (!f) {
		bpf_ringbuf_discard_dynptr(&ptr, 0);
		return 1;
	}
	fl_bench_frame_fill(f, s->first_seq + index);
	f->timestamp_ns = bpf_ktime_get_ns();
	bpf_ringbuf_submit_dynptr(&ptr, s->submit_flags);
	s->emitted++;
	return 0;
}

static long emit_single(__u32 index, void *data)
{
	struct emit_state *s = data;
	struct bpf_dynptr ptr;
	long reserved = fl_ring_reserve_dynptr(&fl_rb_bench, FL_RING_STREAM_BENCH, 0, s->size, &ptr);

	return emit(s, index, &ptr, reserved);
}

static long emit_set(__u32 index, void *data)
{
	struct emit_state *s = data;
	struct bpf_dynptr ptr;
	long reserved = fl_ring_set_reserve_dynptr(&fl_rbs_bench_set, FL_RING_STREAM_BENCH_SET, s->size, &ptr);

	return emit(s, index, &ptr, reserved);
}

static __always_inline int run(struct fl_bench_args *args, void *callback)
{
	struct emit_state s = {};
	__u64 count = args->count;

	if (count == 0 || count > FL_BENCH_MAX_COUNT || args->size < FL_BENCH_MIN_SIZE
	    || args->size > FL_BENCH_MAX_SIZE || args->wakeup > FL_BENCH_WAKEUP_FORCE)
		return -EINVAL;
	s.first_seq = args->first_seq;
	s.size = args->size;
	s.submit_flags = args->wakeup == FL_BENCH_WAKEUP_NONE ? BPF_RB_NO_WAKEUP_FLAG
			 : args->wakeup == FL_BENCH_WAKEUP_FORCE ? BPF_RB_FORCE_WAKEUP_FLAG : 0;
	bpf_loop(count, callback, &s, 0);
	args->emitted = s.emitted;
	args->dropped = s.dropped;
	return 0;
}

SEC("syscall")
int bench_emit(struct fl_bench_args *args)
{
	return run(args, emit_single);
}

SEC("syscall")
int bench_emit_set(struct fl_bench_args *args)
{
	return run(args, emit_set);
}

SEC("syscall")
int bench_emit_frames(struct fl_bench_args *args)
{
	if (args->size != sizeof(struct fl_bench_frame))
		return -EINVAL;
	return run(args, emit_frame);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
