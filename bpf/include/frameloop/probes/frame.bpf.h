/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Frame probe: one struct fl_frame_timing_event per presented frame of a game process, into
 * fl_rb_frame_timing, counted once whatever the dispatch layers.
 *
 * Programs (uprobes; the collector attaches both to every present function it finds, in every
 * library file a target maps, with pid -1 so that processes started later are seen too):
 *   fl_frame_enter  uprobe     at the function's entry
 *   fl_frame_exit   uretprobe  at its return
 * The attach cookie says which function a probe sits on (FL_FRAME_COOKIE below): the low byte is
 * its enum fl_frame_source, the next byte which argument (1..3, 0: none) is the
 * surface/drawable/swapchain handle.
 *
 * One frame, several hooks: glvnd's glXSwapBuffers (libGL.so.1) calls libGLX.so.0's, which ends in
 * xcb_put_image under Xvfb; an application's present calls eglSwapBuffers. Each thread's nesting
 * depth is kept in fl_frame_calls (tid -> depth and the outermost call): only the return of the
 * outermost call counts a frame, with the outermost call's source and handle. An exit with no
 * recorded entry (the uretprobe attached while the call was running) counts nothing.
 *
 * Per process (fl_procs of threads.bpf.h): the last counted present gives frame_interval_ns, the
 * GPU-submit probe's last submit gives gpu_to_present_ns (0 when the process has not submitted
 * since its previous present: that submit belonged to an earlier frame). frame_dropped,
 * vsync_missed and compositor_latency_ns are 0 (not known): a user-space call does not say when
 * (or whether) the frame reached the screen.
 *
 * Only game processes (game_pids: --game-pid, --game-comm, the game patterns) are counted.
 */
#ifndef FRAMELOOP_PROBES_FRAME_BPF_H
#define FRAMELOOP_PROBES_FRAME_BPF_H

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "frameloop/events.h"
#include "frameloop/rings.bpf.h"
#include "frameloop/emit.bpf.h"
#include "frameloop/threads.bpf.h"

FL_RING(fl_rb_frame_timing, 64 * 1024);

#define FL_FRAME_CALLS_MAX 4096
/* the attach cookie of a present function: its source and which argument is its handle */
#define FL_FRAME_COOKIE(source, handle_arg) ((__u64)(source) | ((__u64)(handle_arg) << 8))

/* A present call in progress on a thread. */
struct fl_frame_call {
	__u64 handle; /* handle argument of the outermost call */
	__u32 depth;  /* hooked present calls open on the thread */
	__u8 source;  /* enum fl_frame_source of the outermost call */
	__u8 pad[3];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, FL_FRAME_CALLS_MAX);
	__type(key, __u32);
	__type(value, struct fl_frame_call);
} fl_frame_calls SEC(".maps");

SEC("uprobe")
int BPF_KPROBE(fl_frame_enter, unsigned long a1, unsigned long a2, unsigned long a3)
{
	__u64 cookie = bpf_get_attach_cookie(ctx);
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)id;
	struct fl_frame_call *call, first = {};

	if (!fl_is_game(id >> 32))
		return 0;
	call = bpf_map_lookup_elem(&fl_frame_calls, &tid);
	if (call) {
		call->depth++;
		return 0;
	}
	first.depth = 1;
	first.source = cookie & 0xff;
	switch ((cookie >> 8) & 0xff) {
	case 1:
		first.handle = a1;
		break;
	case 2:
		first.handle = a2;
		break;
	case 3:
		first.handle = a3;
		break;
	}
	bpf_map_update_elem(&fl_frame_calls, &tid, &first, BPF_ANY);
	return 0;
}

SEC("uretprobe")
int BPF_KRETPROBE(fl_frame_exit)
{
	__u64 now = bpf_ktime_get_ns();
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)id, tgid = id >> 32;
	struct fl_frame_call *call = bpf_map_lookup_elem(&fl_frame_calls, &tid);
	struct fl_process_activity *proc;
	struct fl_frame_timing_event *e;
	__u64 handle, last_present, last_submit;
	__u8 source;
	__u32 seq;

	if (!call)
		return 0;
	if (call->depth > 1) {
		call->depth--;
		return 0;
	}
	handle = call->handle;
	source = call->source;
	bpf_map_delete_elem(&fl_frame_calls, &tid);

	proc = fl_process_of(tgid);
	if (!proc)
		return 0;
	last_present = proc->last_present_ns;
	last_submit = proc->last_drm_submit_ns;
	seq = ++proc->frame_seq;
	proc->last_present_ns = now;

	e = fl_ring_reserve(&fl_rb_frame_timing, FL_EVENT_FRAME_TIMING, sizeof(*e));
	if (!e)
		return 0;
	fl_event_header_init(&e->header, FL_EVENT_FRAME_TIMING, FL_EVENT_VERSION_FRAME_TIMING, sizeof(*e), now);
	e->pid = tgid;
	e->tid = tid;
	e->frame_interval_ns = last_present ? now - last_present : 0;
	e->gpu_to_present_ns = last_submit && last_submit > last_present ? now - last_submit : 0;
	e->compositor_latency_ns = 0;
	e->swapchain_id = handle;
	e->frame_seq = seq;
	e->source = source;
	e->frame_dropped = 0;
	e->vsync_missed = 0;
	e->pad0 = 0;
	fl_submit_batched(e, FL_EVENT_FRAME_TIMING);
	return 0;
}

#endif /* FRAMELOOP_PROBES_FRAME_BPF_H */
