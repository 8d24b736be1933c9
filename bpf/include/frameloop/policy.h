/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The boost policy userspace writes into the gamer scheduler: one entry per thread in the
 * hash map `boost_policy` (key: __u32 tid, value: struct fl_boost_policy), and a generation
 * counter in the array map `boost_policy_ctl` (key 0, value: struct fl_boost_policy_ctl).
 *
 * Protocol (dev.frameloop.collector.bpf.BoostPolicyMap implements the userspace side):
 *  - userspace writes a whole entry with flags = 0 and applied_ns = 0, entry_timestamp_ns =
 *    CLOCK_MONOTONIC now (never 0: it names this write) and expiry_ns = when it stops counting,
 *    then increments boost_policy_ctl.generation; after a delete it increments it as well;
 *  - the scheduler looks a thread's entry up again when the generation changed since it last
 *    looked (and at least once per task-stats window of a thread that runs); a live entry
 *    (now < expiry_ns) overrides the heuristics; an expired one is ignored and left for
 *    userspace to delete (the scheduler never deletes: it could race a fresh write);
 *  - the first time the scheduler uses a write of an entry it sets FL_POLICY_APPLIED and
 *    applied_ns in the entry and emits struct fl_policy_applied_event (events.h) once; when it
 *    finds the entry expired it sets FL_POLICY_EXPIRED.
 *
 * Includable from BPF C (after vmlinux.h) and from userspace C (<linux/types.h>). The Java
 * mirror (dev.frameloop.core.policy.BoostPolicyLayout) is checked against the BTF of gamer.bpf.o.
 */
#ifndef FRAMELOOP_POLICY_H
#define FRAMELOOP_POLICY_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

/* Default capacity of boost_policy (threads with an entry); userspace may resize it before load. */
#define FL_BOOST_POLICY_MAX_ENTRIES 4096

/* Boost values are percent: 100 = no boost; larger = the thread's run time weighs less in its deadline. */
#define FL_BOOST_NONE 100
#define FL_BOOST_MIN 10
#define FL_BOOST_MAX 10000

/* Bits of fl_boost_policy.flags; only the scheduler sets them, userspace writes 0. */
enum fl_boost_policy_flag {
	FL_POLICY_APPLIED = 1, /* the scheduler used this write of the entry (applied_ns says when) */
	FL_POLICY_EXPIRED = 2, /* the scheduler found the entry expired and ignored it */
};

/* Value of boost_policy, for one thread. */
struct fl_boost_policy {
	__u64 entry_timestamp_ns; /*  0: CLOCK_MONOTONIC ns when userspace wrote the entry; non-zero */
	__u64 expiry_ns;          /*  8: CLOCK_MONOTONIC ns from which the entry is ignored */
	__u64 slice_ns;           /* 16: time slice to give the thread; 0: its role's default */
	__u64 applied_ns;         /* 24: set by the scheduler: when it first used this write; 0 before */
	__u32 boost;              /* 32: boost in percent (FL_BOOST_MIN..FL_BOOST_MAX); 0: its role's default */
	__u32 flags;              /* 36: enum fl_boost_policy_flag bits, set by the scheduler */
	__u8 role;                /* 40: class the thread is scheduled as, enum fl_thread_class */
	__u8 pad0;                /* 41: explicit padding, always 0 */
	__u16 pad1;               /* 42: explicit padding, always 0 */
	__u32 pad2;               /* 44: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_boost_policy) == 48, "layout changed: update BoostPolicyLayout");

/* Value of boost_policy_ctl[0]. */
struct fl_boost_policy_ctl {
	__u64 generation; /* incremented by userspace after every write or delete of boost_policy */
};
_Static_assert(sizeof(struct fl_boost_policy_ctl) == 8, "layout changed: update BoostPolicyLayout");

#endif /* FRAMELOOP_POLICY_H */
