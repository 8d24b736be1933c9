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

#endif /* FRAMELOOP_BENCH_H */
