/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What frameloop knows about each thread's activity, shared by the gamer scheduler and the
 * probes (input, DRM, ALSA, process lifecycle) that live in the same BPF object:
 *
 *   fl_threads      task storage, struct fl_thread: when the thread last read evdev, submitted
 *                   GPU work, fed an ALSA PCM, was woken on the input path; and its class
 *   fl_input        array[1], struct fl_input_activity: last input event per device kind
 *   fl_input_cpu    per-CPU array[1], struct fl_input_cpu: input_event() in progress here
 *   game_pids       hash, tgid -> struct fl_game: processes that count as a game
 *   fl_procs        LRU hash, tgid -> struct fl_process_activity: the process's last GPU submit
 *                   and last present (the frame probe's interval and submit-to-present latency)
 *
 * Probes call the fl_*_note helpers below; they never classify. The classifier
 * (classify.bpf.h) reads these timestamps when the scheduler asks it to.
 *
 * All times are CLOCK_MONOTONIC ns (bpf_ktime_get_ns()), as in events.h; 0 means never.
 */
#ifndef FRAMELOOP_THREADS_BPF_H
#define FRAMELOOP_THREADS_BPF_H

#include <bpf/bpf_helpers.h>
#include "frameloop/events.h"

/* device kinds fl_input tracks: enum fl_device_kind values 0..FL_DEVICE_KINDS-1 */
#define FL_DEVICE_KINDS 4
#define FL_GAME_PIDS_MAX 1024

/* Per-thread activity and class. Probes write the activity stamps; the classifier the rest. */
struct fl_thread {
	__u64 last_evdev_read_ns;   /* input probe: the thread read an evdev device */
	__u64 last_drm_submit_ns;   /* DRM probe: the thread issued a GPU submit ioctl */
	__u64 last_alsa_ns;         /* ALSA probe: the thread wrote/read a PCM or waited on one */
	__u64 last_input_wakeup_ns; /* scheduler: the thread was woken in an input boost window */
	__u64 comm_prefix;          /* classifier: first 8 bytes of comm when comm_match was computed */
	__u64 class_since_ns;       /* classifier: when cls last changed */
	__u16 confidence;           /* classifier: per-mille confidence of cls */
	__u16 input_confidence;     /* scheduler: confidence of the last input wakeup (on the path: high) */
	__u8 cls;                   /* classifier: enum fl_thread_class, FL_CLASS_UNKNOWN before the first */
	__u8 method;                /* classifier: enum fl_detection_method that gave cls */
	__u8 comm_match;            /* classifier: class its comm (or its process leader's) matched, 0 none */
	__u8 game;                  /* classifier: its process was in game_pids when last checked */
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct fl_thread);
} fl_threads SEC(".maps");

/* Last input event of each device kind (index: enum fl_device_kind). */
struct fl_input_activity {
	__u64 last_ns[FL_DEVICE_KINDS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct fl_input_activity);
} fl_input SEC(".maps");

/* An input_event() call in progress on this CPU: wakeups now are the input's readers. */
struct fl_input_cpu {
	__u32 depth; /* fentry input_event ++, fexit -- */
	__u8 kind;   /* enum fl_device_kind of the innermost call */
	__u8 pad[3];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct fl_input_cpu);
} fl_input_cpu SEC(".maps");

#define FL_PROCS_MAX 4096

/* Per-process activity, written by the GPU-submit and frame probes. */
struct fl_process_activity {
	__u64 last_drm_submit_ns; /* GPU-submit probe: any thread of the process issued a submit ioctl */
	__u64 last_present_ns;    /* frame probe: the process's last counted present */
	__u32 frame_seq;          /* frame probe: presents counted so far */
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, FL_PROCS_MAX);
	__type(key, __u32);
	__type(value, struct fl_process_activity);
} fl_procs SEC(".maps");

/* How a process came to count as a game. */
enum fl_game_source {
	FL_GAME_SOURCE_USER = 1,      /* userspace (--game-pid) */
	FL_GAME_SOURCE_LIFECYCLE = 2, /* the exec probe matched the game patterns */
};

struct fl_game {
	__u64 since_ns; /* when it was added */
	__u32 source;   /* enum fl_game_source */
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, FL_GAME_PIDS_MAX);
	__type(key, __u32);
	__type(value, struct fl_game);
} game_pids SEC(".maps");

/*
 * Copies a task's comm (FL_COMM_LEN bytes, NUL-padded in the task: set with strscpy_pad) with two direct loads;
 * src is task->comm of a BTF-typed task pointer.
 */
static __always_inline void fl_copy_comm(char *dst, const char *src)
{
	((__u64 *)dst)[0] = *(const __u64 *)src;
	((__u64 *)dst)[1] = *(const __u64 *)(src + 8);
}

/* ---- for probes ------------------------------------------------------------ */

/* The thread's state, created on first use (probes may see a thread before the scheduler does). */
static __always_inline struct fl_thread *fl_thread_of(struct task_struct *task)
{
	return bpf_task_storage_get(&fl_threads, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
}

static __always_inline void fl_thread_note_evdev_read(struct task_struct *task, __u64 now)
{
	struct fl_thread *th = fl_thread_of(task);

	if (th)
		th->last_evdev_read_ns = now;
}

static __always_inline void fl_thread_note_drm_submit(struct task_struct *task, __u64 now)
{
	struct fl_thread *th = fl_thread_of(task);

	if (th)
		th->last_drm_submit_ns = now;
}

/* The process's activity, created on first use. */
static __always_inline struct fl_process_activity *fl_process_of(__u32 tgid)
{
	struct fl_process_activity *p = bpf_map_lookup_elem(&fl_procs, &tgid);
	struct fl_process_activity fresh = {};

	if (p)
		return p;
	bpf_map_update_elem(&fl_procs, &tgid, &fresh, BPF_NOEXIST);
	return bpf_map_lookup_elem(&fl_procs, &tgid);
}

static __always_inline void fl_process_note_drm_submit(__u32 tgid, __u64 now)
{
	struct fl_process_activity *p = fl_process_of(tgid);

	if (p)
		p->last_drm_submit_ns = now;
}

static __always_inline void fl_thread_note_alsa(struct task_struct *task, __u64 now)
{
	struct fl_thread *th = fl_thread_of(task);

	if (th)
		th->last_alsa_ns = now;
}

/* An input event of a device kind happened (opens that kind's boost window). */
static __always_inline void fl_input_note(__u32 kind, __u64 now)
{
	__u32 zero = 0;
	struct fl_input_activity *in = bpf_map_lookup_elem(&fl_input, &zero);

	if (in && kind < FL_DEVICE_KINDS)
		in->last_ns[kind] = now;
}

/* fentry/fexit of input_event(): marks the input path on this CPU. */
static __always_inline void fl_input_path_enter(__u8 kind)
{
	__u32 zero = 0;
	struct fl_input_cpu *c = bpf_map_lookup_elem(&fl_input_cpu, &zero);

	if (c) {
		c->depth++;
		c->kind = kind;
	}
}

static __always_inline void fl_input_path_exit(void)
{
	__u32 zero = 0;
	struct fl_input_cpu *c = bpf_map_lookup_elem(&fl_input_cpu, &zero);

	if (c && c->depth)
		c->depth--;
}

/* A process starts (exec probe) or stops counting as a game. */
static __always_inline void fl_game_add(__u32 tgid, __u64 now, __u32 source)
{
	struct fl_game g = { .since_ns = now, .source = source };

	bpf_map_update_elem(&game_pids, &tgid, &g, BPF_ANY);
}

static __always_inline void fl_game_remove(__u32 tgid)
{
	bpf_map_delete_elem(&game_pids, &tgid);
}

/* ---- for the classifier --------------------------------------------------- */

static __always_inline bool fl_input_on_path(void)
{
	__u32 zero = 0;
	struct fl_input_cpu *c = bpf_map_lookup_elem(&fl_input_cpu, &zero);

	return c && c->depth;
}

static __always_inline bool fl_is_game(__u32 tgid)
{
	return bpf_map_lookup_elem(&game_pids, &tgid) != NULL;
}

#endif /* FRAMELOOP_THREADS_BPF_H */
