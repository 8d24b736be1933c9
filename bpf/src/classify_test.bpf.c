// SPDX-License-Identifier: GPL-2.0
/*
 * Test harness for the thread-class rules of frameloop/classify.bpf.h, run on any kernel with
 * BPF_PROG_TEST_RUN (no sched_ext needed): classify_case takes one struct fl_classify_case as
 * its context, sets up the input state it describes (last input event per device kind, an
 * input_event() in progress on this CPU), applies fl_note_wakeup and fl_decide to a thread
 * state built from it, and writes the decision back into the context. The host test
 * dev.frameloop.collector.sched.ClassifyRulesHostTest drives it; the scheduler uses the same
 * functions, inlined.
 */
/* bpftool 7.1's dump of the 7.2 kernel's BTF has anonymous members clang warns about */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wmissing-declarations"
#include "vmlinux.h"
#pragma clang diagnostic pop
#include <bpf/bpf_helpers.h>
#include "frameloop/classify.bpf.h"

char _license[] SEC("license") = "GPL";

struct fl_classify_case {
	/* in: the thread */
	__u64 now;
	__u64 last_evdev_read_ns;
	__u64 last_drm_submit_ns;
	__u64 last_alsa_ns;
	__u64 last_input_wakeup_ns;
	__u16 input_confidence;
	__u8 cls;		/* its class before */
	__u8 comm_match;	/* class its comm matched, 0 none */
	__u8 game;		/* its process is a game */
	__u8 policy_role;	/* role of a live policy entry, 0 none */
	__u8 wakeup;		/* this is a wakeup (input windows count) */
	__u8 on_input_path;	/* an input_event() is in progress on this CPU */
	/* in: the last input event per device kind */
	__u64 input_last_ns[FL_DEVICE_KINDS];
	/* out */
	__u64 out_last_input_wakeup_ns;
	__u16 out_confidence;
	__u16 out_input_confidence;
	__u8 out_cls;
	__u8 out_method;
	__u8 pad[2];
};

SEC("syscall")
int classify_case(struct fl_classify_case *c)
{
	struct fl_thread th = {
		.last_evdev_read_ns = c->last_evdev_read_ns,
		.last_drm_submit_ns = c->last_drm_submit_ns,
		.last_alsa_ns = c->last_alsa_ns,
		.last_input_wakeup_ns = c->last_input_wakeup_ns,
		.input_confidence = c->input_confidence,
		.cls = c->cls,
		.comm_match = c->comm_match,
		.game = c->game,
	};
	struct fl_class_decision d;
	struct fl_input_activity *in;
	struct fl_input_cpu *path;
	__u32 zero = 0;

	in = bpf_map_lookup_elem(&fl_input, &zero);
	path = bpf_map_lookup_elem(&fl_input_cpu, &zero);
	if (!in || !path)
		return 1;
	for (int k = 0; k < FL_DEVICE_KINDS; k++)
		in->last_ns[k] = c->input_last_ns[k];
	path->depth = c->on_input_path;

	if (c->wakeup)
		fl_note_wakeup(&th, c->now);
	d = fl_decide(&th, c->now, c->policy_role);
	path->depth = 0;

	c->out_cls = d.cls;
	c->out_method = d.method;
	c->out_confidence = d.confidence;
	c->out_input_confidence = th.input_confidence;
	c->out_last_input_wakeup_ns = th.last_input_wakeup_ns;
	return 0;
}
