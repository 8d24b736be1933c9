/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Process lifecycle probe: one struct fl_process_event per exec and per process exit, into
 * fl_rb_process (rings.bpf.h naming), with whether the process counts as a game.
 *
 * Programs (the loader attaches the first of each chain the kernel accepts, the others'
 * autoload off; probe_sources.h in the collector names them):
 *   exec   fl_exec_lsm  lsm/bprm_committed_creds    -> fl_exec_btf tp_btf/sched_process_exec
 *                                                   -> fl_exec_tp  tp/sched/sched_process_exec
 *   exit   fl_exit_lsm  lsm/task_free (the leader)  -> fl_exit_btf tp_btf/sched_process_exit
 *                                                   -> fl_exit_tp  tp/sched/sched_process_exit
 * The tracepoints fire for every thread that exits; the event is written once per process,
 * by its last thread (signal->live reached 0). task_free fires when a task is freed: the
 * event is written for the thread-group leader, freed after the whole group.
 *
 * A process counts as a game (is_game = 1, and its tgid goes into game_pids of
 * threads.bpf.h, which the classifier reads) when, at exec, its tgid is already in game_pids
 * (userspace: --game-pid), its comm matches game_comm_patterns, or its path contains one of
 * game_path_patterns. Its exit event has is_game = 1 when it was in game_pids; the exit
 * removes it. comm and filename hold the kernel's bytes, never interpreted.
 */
#ifndef FRAMELOOP_PROBES_PROCESS_BPF_H
#define FRAMELOOP_PROBES_PROCESS_BPF_H

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "frameloop/events.h"
#include "frameloop/rings.bpf.h"
#include "frameloop/emit.bpf.h"
#include "frameloop/threads.bpf.h"

#define FL_GAME_COMM_PATTERNS 16
#define FL_GAME_PATH_PATTERNS 8
#define FL_GAME_PATH_PATTERN_LEN 32

/*
 * Game patterns (.rodata, userspace may rewrite them before load; an empty pattern ends a
 * list). A comm pattern matches a comm equal to it, one starting with it when it ends in
 * '*', or one ending with it when it starts with '*'. A path pattern matches a path that
 * contains it.
 */
const volatile char game_comm_patterns[FL_GAME_COMM_PATTERNS][FL_COMM_LEN] = {
	"*.exe", "wine*", "proton*",
};
const volatile char game_path_patterns[FL_GAME_PATH_PATTERNS][FL_GAME_PATH_PATTERN_LEN] = {
	"/steamapps/common/", ".exe", "/wine", "/proton",
};

FL_RING(fl_rb_process, 256 * 1024);

/* task_struct.flags: a kernel thread */
#define FL_PF_KTHREAD 0x00200000

static __always_inline bool fl_game_comm_pattern_matches(const char *comm, __u32 comm_len, __u32 i)
{
	const volatile char *pat = game_comm_patterns[i];

	if (pat[0] == '*') {
		__u32 plen = 0;

		for (int j = 1; j < FL_COMM_LEN && pat[j]; j++)
			plen++;
		if (plen > comm_len)
			return false;
		for (__u32 j = 0; j < FL_COMM_LEN - 1; j++) {
			__u32 at = comm_len - plen + j;

			if (j >= plen)
				return true;
			if (at >= FL_COMM_LEN || comm[at] != pat[j + 1])
				return false;
		}
		return true;
	}
	for (int j = 0; j < FL_COMM_LEN; j++) {
		char c = pat[j];

		if (c == '*')
			return true;
		if (c != comm[j])
			return false;
		if (!c)
			return true;
	}
	return true;
}

/*
 * Whether path (FL_PATH_LEN bytes the program owns, NUL-terminated unless full) contains path pattern i. Scanned
 * here rather than with the bpf_strstr kfunc, which reads both strings a byte at a time through fault-safe loads:
 * ~0.3-0.4 us more per exec on the build machine for the four default patterns and a short path.
 */
static __always_inline bool fl_path_contains(const char *path, __u32 i)
{
	const volatile char *pat = game_path_patterns[i];

	for (__u32 at = 0; at < FL_PATH_LEN; at++) {
		if (!path[at])
			return false;
		if (path[at] != pat[0])
			continue;
		for (__u32 j = 1; j < FL_GAME_PATH_PATTERN_LEN; j++) {
			char c = pat[j];

			if (!c)
				return true;
			if (at + j >= FL_PATH_LEN || path[at + j] != c)
				break;
		}
	}
	return false;
}

/* Whether comm (NUL-padded, FL_COMM_LEN bytes) or path (FL_PATH_LEN bytes, see above) match the game patterns. */
static __always_inline bool fl_game_patterns_match(const char *comm, const char *path)
{
	__u32 comm_len = 0;

	for (int j = 0; j < FL_COMM_LEN; j++) {
		if (!comm[j])
			break;
		comm_len++;
	}
	for (__u32 i = 0; i < FL_GAME_COMM_PATTERNS; i++) {
		if (!game_comm_patterns[i][0])
			break;
		if (fl_game_comm_pattern_matches(comm, comm_len, i))
			return true;
	}
	for (__u32 i = 0; i < FL_GAME_PATH_PATTERNS; i++) {
		if (!game_path_patterns[i][0])
			break;
		if (fl_path_contains(path, i))
			return true;
	}
	return false;
}

/*
 * Copies the NUL-terminated kernel string src into e->filename: filename_len valid bytes (up to
 * all FL_PATH_LEN when the path is that long), filename_truncated when it was longer.
 */
static __always_inline void fl_process_copy_filename(struct fl_process_event *e, const char *src)
{
	long n;
	char more[2] = {};

	e->filename_len = 0;
	e->filename_truncated = 0;
	if (!src)
		return;
	n = bpf_probe_read_kernel_str(e->filename, FL_PATH_LEN, src);
	if (n <= 0) {
		e->filename[0] = 0;
		return;
	}
	e->filename_len = n - 1;
	if (n < FL_PATH_LEN)
		return;
	/* the copy stopped at the last byte: it holds a NUL the path may not have there */
	if (bpf_probe_read_kernel(more, sizeof(more), src + FL_PATH_LEN - 1) == 0 && more[0]) {
		e->filename[FL_PATH_LEN - 1] = more[0];
		e->filename_len = FL_PATH_LEN;
		e->filename_truncated = more[1] != 0;
	}
}

static __always_inline void fl_process_emit(struct task_struct *task, __u8 action, __u8 source, const char *filename,
					    __s32 exit_code)
{
	struct fl_process_event *e;
	__u64 now = bpf_ktime_get_ns();
	__u32 tgid = task->tgid;
	bool game;

	e = fl_ring_reserve(&fl_rb_process, FL_EVENT_PROCESS, sizeof(*e));
	if (!e) {
		if (action == FL_PROCESS_EXIT)
			fl_game_remove(tgid);
		return;
	}
	fl_event_header_init(&e->header, FL_EVENT_PROCESS, FL_EVENT_VERSION_PROCESS, sizeof(*e), now);
	e->pid = tgid;
	e->tid = task->pid;
	e->ppid = task->real_parent->tgid;
	e->exit_code = exit_code;
	e->action = action;
	e->source = source;
	e->pad0 = 0;
	fl_copy_comm(e->comm, task->comm);
	__builtin_memset(e->filename, 0, sizeof(e->filename));
	fl_process_copy_filename(e, filename);

	game = fl_is_game(tgid);
	if (action == FL_PROCESS_EXEC) {
		if (!game && fl_game_patterns_match(e->comm, e->filename)) {
			game = true;
			fl_game_add(tgid, now, FL_GAME_SOURCE_LIFECYCLE);
		}
	} else if (game) {
		fl_game_remove(tgid);
	}
	e->is_game = game;
	fl_submit_batched(e, FL_EVENT_PROCESS);
}

/* The exiting thread is its process's last: signal->live has dropped to 0. */
static __always_inline bool fl_process_group_dead(struct task_struct *task)
{
	return task->signal->live.counter == 0;
}

SEC("lsm/bprm_committed_creds")
int BPF_PROG(fl_exec_lsm, struct linux_binprm *bprm)
{
	fl_process_emit(bpf_get_current_task_btf(), FL_PROCESS_EXEC, FL_PROCESS_SOURCE_LSM_BPRM_COMMITTED_CREDS,
			bprm->filename, 0);
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(fl_exec_btf, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	fl_process_emit(p, FL_PROCESS_EXEC, FL_PROCESS_SOURCE_TP_SCHED_PROCESS_EXEC, bprm->filename, 0);
	return 0;
}

SEC("tp/sched/sched_process_exec")
int fl_exec_tp(struct trace_event_raw_sched_process_exec *ctx)
{
	__u32 loc = ctx->__data_loc_filename;

	fl_process_emit(bpf_get_current_task_btf(), FL_PROCESS_EXEC, FL_PROCESS_SOURCE_TP_SCHED_PROCESS_EXEC,
			(const char *)ctx + (loc & 0xffff), 0);
	return 0;
}

SEC("lsm/task_free")
int BPF_PROG(fl_exit_lsm, struct task_struct *task)
{
	if (task->pid != task->tgid || (task->flags & FL_PF_KTHREAD))
		return 0;
	fl_process_emit(task, FL_PROCESS_EXIT, FL_PROCESS_SOURCE_LSM_TASK_FREE, NULL, task->exit_code);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(fl_exit_btf, struct task_struct *p)
{
	if (!fl_process_group_dead(p) || (p->flags & FL_PF_KTHREAD))
		return 0;
	fl_process_emit(p, FL_PROCESS_EXIT, FL_PROCESS_SOURCE_TP_SCHED_PROCESS_EXIT, NULL, p->exit_code);
	return 0;
}

SEC("tp/sched/sched_process_exit")
int fl_exit_tp(void *ctx)
{
	struct task_struct *p = bpf_get_current_task_btf();

	if (!fl_process_group_dead(p) || (p->flags & FL_PF_KTHREAD))
		return 0;
	fl_process_emit(p, FL_PROCESS_EXIT, FL_PROCESS_SOURCE_TP_SCHED_PROCESS_EXIT, NULL, p->exit_code);
	return 0;
}

#endif /* FRAMELOOP_PROBES_PROCESS_BPF_H */
