/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Thread classes (enum fl_thread_class) from what a thread does, and what each class gets
 * from the scheduler. Tables are .rodata: userspace may change them before load.
 *
 * A thread's class, strongest evidence first (the first rule that holds wins):
 *   policy      a live boost_policy entry names its role          (the scheduler passes it in)
 *   input       woken in an input boost window within input_hold_ns, or read evdev then
 *   audio       ALSA PCM activity within activity_hold_ns
 *   render      a GPU submit ioctl within activity_hold_ns
 *   comm        its comm, or its process leader's, matches comm_patterns (compositors)
 *   game        its process is in game_pids
 *   background  none of these
 *
 * The first decision for a thread is silent when it is `background` (the default is not a
 * detection); every later change, and a first decision that is a detection, emits one
 * struct fl_thread_class_event into fl_rb_thread_class. Nothing is emitted while the class
 * stays the same.
 *
 * Input boost window: an input event of device kind K (fl_input, written by the input probe)
 * opens a window of input_window_ns[K]; a thread woken inside it counts as an input wakeup,
 * with high confidence when the wakeup happens inside input_event() itself on this CPU (the
 * evdev reader being woken by the event), lower when it is only near in time.
 */
#ifndef FRAMELOOP_CLASSIFY_BPF_H
#define FRAMELOOP_CLASSIFY_BPF_H

#include <bpf/bpf_helpers.h>
#include "frameloop/events.h"
#include "frameloop/policy.h"
#include "frameloop/rings.bpf.h"
#include "frameloop/emit.bpf.h"
#include "frameloop/threads.bpf.h"

#define FL_CLASSES 7 /* enum fl_thread_class values 0..6 */
#define FL_COMM_PATTERNS 24

#define FL_MS 1000000ULL

/* Boost per class, percent (see policy.h): the class's run time weighs 100/boost in deadlines. */
const volatile __u32 class_boost[FL_CLASSES] = {
	[FL_CLASS_UNKNOWN] = 100,
	[FL_CLASS_INPUT] = 800,
	[FL_CLASS_RENDER] = 400,
	[FL_CLASS_AUDIO] = 800,
	[FL_CLASS_COMPOSITOR] = 400,
	[FL_CLASS_GAME] = 200,
	[FL_CLASS_BACKGROUND] = 100,
};

/* Time slice per class, ns. */
const volatile __u64 class_slice_ns[FL_CLASSES] = {
	[FL_CLASS_UNKNOWN] = 5 * FL_MS,
	[FL_CLASS_INPUT] = 2 * FL_MS,
	[FL_CLASS_RENDER] = 8 * FL_MS,
	[FL_CLASS_AUDIO] = 2 * FL_MS,
	[FL_CLASS_COMPOSITOR] = 4 * FL_MS,
	[FL_CLASS_GAME] = 8 * FL_MS,
	[FL_CLASS_BACKGROUND] = 5 * FL_MS,
};

/* Input boost window after an input event, per device kind, ns (0: no window for that kind). */
const volatile __u64 input_window_ns[FL_DEVICE_KINDS] = {
	[FL_DEVICE_UNKNOWN] = 0,
	[FL_DEVICE_MOUSE] = 1 * FL_MS,
	[FL_DEVICE_KEYBOARD] = 4 * FL_MS,
	[FL_DEVICE_CONTROLLER] = 2 * FL_MS,
};

/* How long a thread keeps the input class after its last input wakeup or evdev read, ns. */
const volatile __u64 input_hold_ns = 500 * FL_MS;
/* How long a thread keeps the audio/render class after its last ALSA/DRM activity, ns. */
const volatile __u64 activity_hold_ns = 500 * FL_MS;

/*
 * comm patterns and the class each gives. A pattern matches a comm equal to it, or starting
 * with it when it ends in '*'. An empty pattern ends the list.
 */
const volatile char comm_patterns[FL_COMM_PATTERNS][FL_COMM_LEN] = {
	"kwin_wayland", "kwin_x11", "gnome-shell", "Xwayland", "Xorg", "sway", "weston",
	"gamescope*", "mutter", "Hyprland", "labwc", "wayfire", "river", "niri",
};
const volatile __u8 comm_pattern_class[FL_COMM_PATTERNS] = {
	FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR,
	FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR,
	FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR,
	FL_CLASS_COMPOSITOR, FL_CLASS_COMPOSITOR,
};

/* Rare: one record per class change. */
FL_RING(fl_rb_thread_class, 64 * 1024);

/* Confidence (per mille) of each detection. */
#define FL_CONFIDENCE_CERTAIN 1000   /* policy */
#define FL_CONFIDENCE_OBSERVED 900   /* the thread itself did it (submit, PCM, evdev, woken by input_event) */
#define FL_CONFIDENCE_NAMED 800      /* comm pattern */
#define FL_CONFIDENCE_NEAR 400       /* woken near an input event in time only */
#define FL_CONFIDENCE_DEFAULT 500    /* background: nothing else holds */

struct fl_class_decision {
	__u8 cls;
	__u8 method;
	__u16 confidence;
};

static __always_inline bool fl_within(__u64 stamp, __u64 now, __u64 hold)
{
	return stamp && now - stamp < hold;
}

/* How an input wakeup looks now: FL_CONFIDENCE_OBSERVED on the input path, NEAR in a window, 0 outside. */
static __always_inline __u16 fl_input_wakeup_confidence(__u64 now)
{
	__u32 zero = 0;
	struct fl_input_activity *in;

	if (fl_input_on_path())
		return FL_CONFIDENCE_OBSERVED;
	in = bpf_map_lookup_elem(&fl_input, &zero);
	if (!in)
		return 0;
	for (int k = 1; k < FL_DEVICE_KINDS; k++) {
		if (input_window_ns[k] && fl_within(in->last_ns[k], now, input_window_ns[k]))
			return FL_CONFIDENCE_NEAR;
	}
	return 0;
}

/* Records an input wakeup of the thread (call at wakeups only). */
static __always_inline void fl_note_wakeup(struct fl_thread *th, __u64 now)
{
	__u16 conf = fl_input_wakeup_confidence(now);

	if (!conf)
		return;
	/* a thread recently woken on the input path keeps that confidence for the hold time */
	if (conf > th->input_confidence || !fl_within(th->last_input_wakeup_ns, now, input_hold_ns))
		th->input_confidence = conf;
	th->last_input_wakeup_ns = now;
}

static __always_inline bool fl_comm_matches(const char *comm, __u32 i)
{
	for (int j = 0; j < FL_COMM_LEN; j++) {
		char c = comm_patterns[i][j];

		if (c == '*')
			return true;
		if (c != comm[j])
			return false;
		if (!c)
			return true;
	}
	return true;
}

/* The class the comm matches, 0 when none. */
static __always_inline __u8 fl_comm_class(const char *comm)
{
	for (__u32 i = 0; i < FL_COMM_PATTERNS; i++) {
		if (!comm_patterns[i][0])
			break;
		if (fl_comm_matches(comm, i))
			return comm_pattern_class[i];
	}
	return 0;
}

static __always_inline __u8 fl_task_comm_class(struct task_struct *p)
{
	struct task_struct *leader = p->group_leader;
	char comm[FL_COMM_LEN] __attribute__((aligned(8)));
	__u8 cls;

	fl_copy_comm(comm, p->comm);
	cls = fl_comm_class(comm);
	if (cls || !leader || leader == p)
		return cls;
	fl_copy_comm(comm, leader->comm);
	return fl_comm_class(comm);
}

static __always_inline struct fl_class_decision fl_decide(struct fl_thread *th, __u64 now, __u8 policy_role)
{
	struct fl_class_decision d = { FL_CLASS_BACKGROUND, FL_DETECT_UNKNOWN, FL_CONFIDENCE_DEFAULT };

	if (policy_role) {
		d.cls = policy_role;
		d.method = FL_DETECT_POLICY;
		d.confidence = FL_CONFIDENCE_CERTAIN;
	} else if (fl_within(th->last_input_wakeup_ns, now, input_hold_ns)) {
		d.cls = FL_CLASS_INPUT;
		d.method = FL_DETECT_INPUT_WAKEUP;
		d.confidence = th->input_confidence;
	} else if (fl_within(th->last_evdev_read_ns, now, input_hold_ns)) {
		d.cls = FL_CLASS_INPUT;
		d.method = FL_DETECT_EVDEV_READ;
		d.confidence = FL_CONFIDENCE_OBSERVED;
	} else if (fl_within(th->last_alsa_ns, now, activity_hold_ns)) {
		d.cls = FL_CLASS_AUDIO;
		d.method = FL_DETECT_ALSA_PCM;
		d.confidence = FL_CONFIDENCE_OBSERVED;
	} else if (fl_within(th->last_drm_submit_ns, now, activity_hold_ns)) {
		d.cls = FL_CLASS_RENDER;
		d.method = FL_DETECT_DRM_SUBMIT;
		d.confidence = FL_CONFIDENCE_OBSERVED;
	} else if (th->comm_match) {
		d.cls = th->comm_match;
		d.method = FL_DETECT_COMM_PATTERN;
		d.confidence = FL_CONFIDENCE_NAMED;
	} else if (th->game) {
		d.cls = FL_CLASS_GAME;
		d.method = FL_DETECT_GAME_PROCESS;
		d.confidence = FL_CONFIDENCE_OBSERVED;
	} else if (th->cls != FL_CLASS_UNKNOWN && th->cls != FL_CLASS_BACKGROUND) {
		d.method = FL_DETECT_INACTIVITY;
	}
	return d;
}

static __always_inline void fl_emit_class_change(struct task_struct *p, __u8 old_class,
						 struct fl_class_decision d, __u64 now)
{
	struct fl_thread_class_event *e;

	e = fl_ring_reserve(&fl_rb_thread_class, FL_EVENT_THREAD_CLASS, sizeof(*e));
	if (!e)
		return;
	fl_event_header_init(&e->header, FL_EVENT_THREAD_CLASS, FL_EVENT_VERSION_THREAD_CLASS, sizeof(*e), now);
	e->pid = p->tgid;
	e->tid = p->pid;
	e->old_class = old_class;
	e->new_class = d.cls;
	e->method = d.method;
	e->pad0 = 0;
	e->confidence = d.confidence;
	e->pad1 = 0;
	fl_copy_comm(e->comm, p->comm);
	fl_submit_batched(e, FL_EVENT_THREAD_CLASS);
}

/*
 * Re-decides the thread's class. Cheap unless `full`: the comm is matched again only when its
 * first 8 bytes changed, game_pids is looked up only when full. Returns true when the class
 * changed (the event is emitted here).
 */
static __always_inline bool fl_classify(struct task_struct *p, struct fl_thread *th, __u64 now,
					__u8 policy_role, bool full)
{
	struct fl_class_decision d;
	__u64 prefix = *(__u64 *)p->comm; /* a direct load: the task is a trusted pointer here */
	__u8 old = th->cls;

	if (full || prefix != th->comm_prefix) {
		th->comm_prefix = prefix;
		th->comm_match = fl_task_comm_class(p);
	}
	if (full)
		th->game = fl_is_game(p->tgid);

	d = fl_decide(th, now, policy_role);
	th->confidence = d.confidence;
	if (d.cls == old)
		return false;
	th->cls = d.cls;
	th->method = d.method;
	th->class_since_ns = now;
	if (old == FL_CLASS_UNKNOWN && d.cls == FL_CLASS_BACKGROUND)
		return false;
	fl_emit_class_change(p, old, d, now);
	return true;
}

#endif /* FRAMELOOP_CLASSIFY_BPF_H */
