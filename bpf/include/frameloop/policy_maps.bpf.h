/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The boost_policy maps (protocol in policy.h), declared once for every object userspace writes
 * policy into: the gamer scheduler, and the loop bench's stand-in for it (loop_bench.bpf.c).
 * Include after vmlinux.h and policy.h.
 */
#ifndef FRAMELOOP_POLICY_MAPS_BPF_H
#define FRAMELOOP_POLICY_MAPS_BPF_H

#include <bpf/bpf_helpers.h>
#include "frameloop/policy.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, FL_BOOST_POLICY_MAX_ENTRIES);
	__type(key, u32);
	__type(value, struct fl_boost_policy);
} boost_policy SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct fl_boost_policy_ctl);
} boost_policy_ctl SEC(".maps");

#endif /* FRAMELOOP_POLICY_MAPS_BPF_H */
