// SPDX-License-Identifier: GPL-2.0
/*
 * observe: frameloop's probes without a scheduler, for kernels without sched_ext (or when
 * the scheduler is not wanted, or was ejected). The same probe headers are included by
 * gamer.bpf.c, where they share the scheduler's maps (rings, fl_threads, game_pids).
 *
 * Every probe program is optional: the collector (dev.frameloop.collector.probe) turns off
 * the autoload of the programs this kernel cannot run and attaches the rest, falling back
 * along each probe's chain (see each header).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "frameloop/events.h"
#include "frameloop/rings.bpf.h"
#include "frameloop/emit.bpf.h"
#include "frameloop/threads.bpf.h"
#include "frameloop/probes/process.bpf.h"
#include "frameloop/probes/input.bpf.h"
#include "frameloop/probes/gpu.bpf.h"
#include "frameloop/probes/migration.bpf.h"
#include "frameloop/probes/frame.bpf.h"

char _license[] SEC("license") = "GPL";
