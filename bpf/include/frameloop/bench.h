/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The benchmark producer's argument block (bench.bpf.c), passed as the context of
 * BPF_PROG_TEST_RUN (ctx_in; the kernel copies it back, so the out fields are read there).
 * Includable from BPF C (after vmlinux.h) and from userspace C.
 */
#ifndef FRAMELOOP_BENCH_H
#define FRAMELOOP_BENCH_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define FL_BENCH_MIN_SIZE 16    /* sizeof(struct fl_bench_record): seq and timestamp */
#define FL_BENCH_MAX_SIZE 65536 /* largest record the producer emits */
#define FL_BENCH_MAX_COUNT (1u << 23) /* bpf_loop's limit on iterations per run */

/* How each record's commit wakes a reader sleeping in epoll. */
enum fl_bench_wakeup {
	FL_BENCH_WAKEUP_ADAPTIVE = 0, /* flags 0: wake when the reader has caught up */
	FL_BENCH_WAKEUP_NONE = 1,     /* BPF_RB_NO_WAKEUP */
	FL_BENCH_WAKEUP_FORCE = 2,    /* BPF_RB_FORCE_WAKEUP */
};

struct fl_bench_args {
	__u64 count;     /* in: records to emit, 1..FL_BENCH_MAX_COUNT */
	__u64 first_seq; /* in: seq of the first record; the others follow by 1 */
	__u32 size;      /* in: record size in bytes, FL_BENCH_MIN_SIZE..FL_BENCH_MAX_SIZE */
	__u32 wakeup;    /* in: enum fl_bench_wakeup */
	__u64 emitted;   /* out: records committed */
	__u64 dropped;   /* out: reservations that failed (also counted in fl_ring_drops) */
};
_Static_assert(sizeof(struct fl_bench_args) == 40, "layout changed: update the Java mirror");

/*
 * frameloop bench loop (loop_bench.bpf.c): the argument block of loop_trigger, and the trigger
 * record it writes into fl_rb_bench. A trigger begins with the fields of struct fl_bench_record
 * (seq, timestamp), so the ring's readers read it as one.
 */
struct fl_loop_trigger_args {
	__u64 seq;     /* in: seq of the trigger */
	__u32 tid;     /* in: thread whose policy entry the loop is to write */
	__u32 emitted; /* out: 1 when committed, 0 when the ring was full */
};
_Static_assert(sizeof(struct fl_loop_trigger_args) == 16, "layout changed: update the Java mirror");

struct fl_loop_trigger {
	__u64 seq;          /*  0: seq of the trigger */
	__u64 timestamp_ns; /*  8: bpf_ktime_get_ns() when it was reserved */
	__u32 tid;          /* 16: thread whose policy entry the loop is to write */
	__u32 pad0;         /* 20: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_loop_trigger) == 24, "layout changed: update the Java mirror");

#endif /* FRAMELOOP_BENCH_H */
