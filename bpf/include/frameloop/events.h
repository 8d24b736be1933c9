/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * frameloop event wire format: the single source of truth for every record that BPF
 * programs write into ring buffers and Java reads (dev.frameloop.core.event mirrors it;
 * the layout check compares that mirror with this file's BTF, field by field).
 *
 * Rules:
 *  - fixed-width types only, every padding byte is a named member (padN, always 0),
 *    every struct is a multiple of 8 bytes and has a _Static_assert on its size;
 *  - every event starts with struct fl_event_header;
 *  - byte order is the host's (little-endian on x86_64 and arm64);
 *  - pid means process id (the kernel's tgid), tid means thread id (the kernel's pid);
 *  - times are CLOCK_MONOTONIC nanoseconds (bpf_ktime_get_ns()); 0 means unknown;
 *  - enum values are stored in __u8 fields; the enums below name them.
 *
 * Includable from BPF C (after vmlinux.h, which defines __u8..__u64) and from userspace C
 * (which gets them from <linux/types.h>).
 */
#ifndef FRAMELOOP_EVENTS_H
#define FRAMELOOP_EVENTS_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define FL_COMM_LEN 16  /* TASK_COMM_LEN */
#define FL_PATH_LEN 128 /* executable path prefix kept in process events */

/* Event type ids: fl_event_header.type. */
enum fl_event_type {
	FL_EVENT_INPUT = 1,                      /* struct fl_input_event */
	FL_EVENT_PROCESS = 2,                    /* struct fl_process_event */
	FL_EVENT_FRAME_TIMING = 3,               /* struct fl_frame_timing_event */
	FL_EVENT_GPU_SUBMIT = 4,                 /* struct fl_gpu_submit_event */
	FL_EVENT_MIGRATION = 5,                  /* struct fl_migration_event */
	FL_EVENT_THREAD_CLASS = 6,               /* struct fl_thread_class_event */
	FL_EVENT_DEADLINE_MISS = 7,              /* struct fl_deadline_miss_event */
	FL_EVENT_TASK_STATS = 8,                 /* struct fl_task_stats_event */
	FL_EVENT_POLICY_APPLIED = 9,             /* struct fl_policy_applied_event */
	FL_EVENT_POLICY_DECISION = 10,           /* struct fl_policy_decision_event (userspace only) */
};

/* Layout version of each event type: fl_event_header.version. Bump on any layout change. */
enum fl_event_version {
	FL_EVENT_VERSION_INPUT = 1,
	FL_EVENT_VERSION_PROCESS = 1,
	FL_EVENT_VERSION_FRAME_TIMING = 1,
	FL_EVENT_VERSION_GPU_SUBMIT = 1,
	FL_EVENT_VERSION_MIGRATION = 1,
	FL_EVENT_VERSION_THREAD_CLASS = 1,
	FL_EVENT_VERSION_DEADLINE_MISS = 1,
	FL_EVENT_VERSION_TASK_STATS = 1,
	FL_EVENT_VERSION_POLICY_APPLIED = 1,
	FL_EVENT_VERSION_POLICY_DECISION = 1,
};

/* Kind of an input device, from its capability bits. */
enum fl_device_kind {
	FL_DEVICE_UNKNOWN = 0,                   /* Not a mouse, keyboard or controller, or not
	                                          * classified. */
	FL_DEVICE_MOUSE = 1,                     /* Relative axes REL_X/REL_Y and BTN_LEFT. */
	FL_DEVICE_KEYBOARD = 2,                  /* EV_KEY with the letter keys. */
	FL_DEVICE_CONTROLLER = 3,                /* BTN_GAMEPAD/BTN_JOYSTICK or absolute sticks. */
};

/* What happened to a process. */
enum fl_process_action {
	FL_PROCESS_UNKNOWN = 0,                  /* Not set. */
	FL_PROCESS_EXEC = 1,                     /* The process exec'd a new program. */
	FL_PROCESS_EXIT = 2,                     /* The process exited. */
};

/* Hook that reported a process event. */
enum fl_process_source {
	FL_PROCESS_SOURCE_UNKNOWN = 0,           /* Not set. */
	FL_PROCESS_SOURCE_LSM_BPRM_COMMITTED_CREDS = 1, /* LSM hook bprm_committed_creds (exec). */
	FL_PROCESS_SOURCE_LSM_TASK_FREE = 2,     /* LSM hook task_free (exit). */
	FL_PROCESS_SOURCE_TP_SCHED_PROCESS_EXEC = 3, /* Tracepoint sched/sched_process_exec (exec
	                                              * fallback). */
	FL_PROCESS_SOURCE_TP_SCHED_PROCESS_EXIT = 4, /* Tracepoint sched/sched_process_exit (exit
	                                              * fallback). */
};

/* Presentation hook that saw a frame. */
enum fl_frame_source {
	FL_FRAME_SOURCE_UNKNOWN = 0,             /* Not set. */
	FL_FRAME_SOURCE_GLX_SWAP_BUFFERS = 1,    /* uprobe on glXSwapBuffers. */
	FL_FRAME_SOURCE_EGL_SWAP_BUFFERS = 2,    /* uprobe on eglSwapBuffers. */
	FL_FRAME_SOURCE_VK_QUEUE_PRESENT = 3,    /* uprobe on the Vulkan present the driver/WSI
	                                          * runs. */
	FL_FRAME_SOURCE_XCB_PRESENT_PIXMAP = 4,  /* uprobe on xcb_present_pixmap (X11 Present). */
	FL_FRAME_SOURCE_XCB_PUT_IMAGE = 5,       /* uprobe on xcb_put_image (software WSI and GL
	                                          * under X11). */
	FL_FRAME_SOURCE_WL_SURFACE_COMMIT = 6,   /* uprobe on wl_surface_commit (Wayland). */
	FL_FRAME_SOURCE_DRM_PAGE_FLIP = 7,       /* DRM page flip. */
	FL_FRAME_SOURCE_DRM_VBLANK = 8,          /* DRM vblank. */
	FL_FRAME_SOURCE_APP_PRESENT = 9,         /* uprobe on a present function the user named
	                                          * (--frame-hook BINARY:FUNCTION). */
};

/* DRM driver a GPU submit belongs to. */
enum fl_gpu_driver {
	FL_GPU_DRIVER_UNKNOWN = 0,               /* Not recognized. */
	FL_GPU_DRIVER_I915 = 1,                  /* Intel i915 (execbuffer2). */
	FL_GPU_DRIVER_AMDGPU = 2,                /* AMD amdgpu (CS). */
	FL_GPU_DRIVER_XE = 3,                    /* Intel xe (exec). */
	FL_GPU_DRIVER_NOUVEAU = 4,               /* nouveau. */
	FL_GPU_DRIVER_NVIDIA = 5,                /* NVIDIA proprietary (nv_drm_ioctl). */
	FL_GPU_DRIVER_VGEM = 6,                  /* vgem (tests). */
};

/* Hook that saw a GPU submit. */
enum fl_gpu_submit_source {
	FL_GPU_SUBMIT_SOURCE_UNKNOWN = 0,        /* Not set. */
	FL_GPU_SUBMIT_SOURCE_FENTRY_DRM_IOCTL = 1, /* fentry on drm_ioctl. */
	FL_GPU_SUBMIT_SOURCE_TP_SYS_ENTER_IOCTL = 2, /* Tracepoint syscalls/sys_enter_ioctl
	                                              * filtered on DRM ioctl numbers. */
};

/* Why a task changed CPU. */
enum fl_migration_reason {
	FL_MIGRATION_UNKNOWN = 0,                /* Not known (observe mode). */
	FL_MIGRATION_IDLE_PICK = 1,              /* The scheduler picked an idle CPU. */
	FL_MIGRATION_WAKEUP_AFFINITY = 2,        /* Moved near its waker or previous CPU on
	                                          * wakeup. */
	FL_MIGRATION_LOAD_BALANCE = 3,           /* Moved to balance load. */
	FL_MIGRATION_CPUMASK_CHANGE = 4,         /* Its allowed CPUs changed. */
};

/* Hook that saw a migration. */
enum fl_migration_source {
	FL_MIGRATION_SOURCE_UNKNOWN = 0,         /* Not set. */
	FL_MIGRATION_SOURCE_TP_SCHED_MIGRATE_TASK = 1, /* tp_btf/sched_migrate_task (observe
	                                                * mode). */
	FL_MIGRATION_SOURCE_SCHEDULER = 2,       /* The gamer scheduler itself, with its reason. */
};

/* Role of a thread, as the scheduler boosts it. */
enum fl_thread_class {
	FL_CLASS_UNKNOWN = 0,                    /* Not classified. */
	FL_CLASS_INPUT = 1,                      /* Handles input events. */
	FL_CLASS_RENDER = 2,                     /* Renders or submits GPU work. */
	FL_CLASS_AUDIO = 3,                      /* Feeds an audio device. */
	FL_CLASS_COMPOSITOR = 4,                 /* Compositor. */
	FL_CLASS_GAME = 5,                       /* Other thread of a detected game (game logic). */
	FL_CLASS_BACKGROUND = 6,                 /* Everything else. */
};

/* How a thread's class was detected. */
enum fl_detection_method {
	FL_DETECT_UNKNOWN = 0,                   /* Not set. */
	FL_DETECT_INPUT_WAKEUP = 1,              /* Woken shortly after input events. */
	FL_DETECT_EVDEV_READ = 2,                /* Reads evdev devices. */
	FL_DETECT_DRM_SUBMIT = 3,                /* Issues DRM submit ioctls. */
	FL_DETECT_ALSA_PCM = 4,                  /* ALSA PCM activity. */
	FL_DETECT_COMM_PATTERN = 5,              /* Its name matches a known pattern
	                                          * (compositors). */
	FL_DETECT_GAME_PROCESS = 6,              /* Belongs to a detected game process. */
	FL_DETECT_POLICY = 7,                    /* A boost_policy entry written by userspace. */
	FL_DETECT_INACTIVITY = 8,                /* No recent activity of its former class. */
};

/* Common header, first member of every event. */
struct fl_event_header {
	__u16 type;                        /*   0: Event type, one of enum fl_event_type. */
	__u16 version;                     /*   2: Layout version of this event type (enum
	                                    *      fl_event_version). */
	__u32 size;                        /*   4: Size in bytes of the whole event, header
	                                    *      included. */
	__u32 cpu;                         /*   8: CPU the BPF program ran on when it emitted the
	                                    *      event. */
	__u32 pad0;                        /*  12: explicit padding, always 0 */
	__u64 timestamp_ns;                /*  16: CLOCK_MONOTONIC time in ns, from
	                                    *      bpf_ktime_get_ns(), when the event happened. */
};
_Static_assert(sizeof(struct fl_event_header) == 24, "layout changed: update the Java mirror");

/*
 * One evdev event (EV_KEY, EV_REL, EV_ABS, EV_SYN...) reported by an input device.
 * (FL_EVENT_INPUT)
 */
struct fl_input_event {
	struct fl_event_header header;     /*   0: common header */
	__u32 device_id;                   /*  24: Per-boot id of the input device: the N of
	                                    *      /sys/class/input/inputN. */
	__s32 ev_value;                    /*  28: Event value as input_event() got it. */
	__u16 ev_type;                     /*  32: Event type (EV_*). */
	__u16 ev_code;                     /*  34: Event code (KEY_*, REL_*, ABS_*, BTN_*). */
	__u16 bustype;                     /*  36: input_id.bustype of the device (BUS_USB,
	                                    *      BUS_VIRTUAL...). */
	__u16 vendor;                      /*  38: input_id.vendor of the device. */
	__u16 product;                     /*  40: input_id.product of the device. */
	__u8 device_kind;                  /*  42: Kind of device from its capability bits, enum
	                                    *      fl_device_kind. */
	__u8 pad0;                         /*  43: explicit padding, always 0 */
	__u32 pad1;                        /*  44: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_input_event) == 48, "layout changed: update the Java mirror");

/* A process exec or exit, with whether it counts as a game. (FL_EVENT_PROCESS) */
struct fl_process_event {
	struct fl_event_header header;     /*   0: common header */
	__u32 pid;                         /*  24: Process id (kernel tgid). */
	__u32 tid;                         /*  28: Thread id (kernel pid) of the thread that
	                                    *      exec'd or exited. */
	__u32 ppid;                        /*  32: Parent process id (kernel tgid of
	                                    *      real_parent). */
	__s32 exit_code;                   /*  36: For exits: task->exit_code (wait status
	                                    *      encoding); 0 for execs. */
	__u8 action;                       /*  40: Exec or exit, enum fl_process_action. */
	__u8 is_game;                      /*  41: 1 when the process matched the game patterns
	                                    *      (name, path, --game-pid, --game-comm). */
	__u8 source;                       /*  42: Hook that produced the event, enum
	                                    *      fl_process_source. */
	__u8 filename_truncated;           /*  43: 1 when the path did not fit in filename and
	                                    *      was cut. */
	__u16 filename_len;                /*  44: Number of valid bytes in filename (no
	                                    *      terminating NUL counted). */
	__u16 pad0;                        /*  46: explicit padding, always 0 */
	char comm[FL_COMM_LEN];            /*  48: Task comm, NUL-padded. */
	char filename[FL_PATH_LEN];        /*  64: Prefix of the executable path
	                                    *      (bprm->filename), filename_len bytes valid. */
};
_Static_assert(sizeof(struct fl_process_event) == 192, "layout changed: update the Java mirror");

/*
 * One presented frame of a process, counted once whatever the dispatch layers; the header
 * timestamp is the present. (FL_EVENT_FRAME_TIMING)
 */
struct fl_frame_timing_event {
	struct fl_event_header header;     /*   0: common header */
	__u32 pid;                         /*  24: Process id of the presenting process. */
	__u32 tid;                         /*  28: Thread id of the presenting thread. */
	__u64 frame_interval_ns;           /*  32: Time since the previous counted present of the
	                                    *      same process; 0 for the first frame. */
	__u64 gpu_to_present_ns;           /*  40: Time from the process's last GPU submit to
	                                    *      this present; 0 when unknown (no submit since the
	                                    *      previous present). */
	__u64 compositor_latency_ns;       /*  48: Present to compositor/page-flip completion; 0
	                                    *      when unknown (always, for uprobe sources). */
	__u64 swapchain_id;                /*  56: Identifies the surface/drawable/swapchain
	                                    *      presented (a handle value from the outermost
	                                    *      hooked call); 0 when the call has none. */
	__u32 frame_seq;                   /*  64: Per-process frame counter, starting at 1. */
	__u8 source;                       /*  68: Presentation hook that saw the frame (the
	                                    *      outermost of nested ones), enum fl_frame_source. */
	__u8 frame_dropped;                /*  69: 1 when the frame is known not to have reached
	                                    *      the screen; 0 when not known (always, for uprobe
	                                    *      sources). */
	__u8 vsync_missed;                 /*  70: 1 when the present is known to have missed the
	                                    *      vblank it targeted; 0 when not known (always, for
	                                    *      uprobe sources). */
	__u8 pad0;                         /*  71: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_frame_timing_event) == 72, "layout changed: update the Java mirror");

/* A GPU command submission ioctl issued to a DRM device. (FL_EVENT_GPU_SUBMIT) */
struct fl_gpu_submit_event {
	struct fl_event_header header;     /*   0: common header */
	__u32 pid;                         /*  24: Process id of the submitter. */
	__u32 tid;                         /*  28: Thread id of the submitter. */
	__u32 ioctl_cmd;                   /*  32: Full ioctl request number. */
	__s32 fd;                          /*  36: File descriptor the ioctl was issued on. */
	__u16 ioctl_nr;                    /*  40: _IOC_NR(ioctl_cmd): the driver's command
	                                    *      number. */
	__u8 driver;                       /*  42: Driver the submit belongs to, enum
	                                    *      fl_gpu_driver. */
	__u8 source;                       /*  43: Hook that saw the ioctl, enum
	                                    *      fl_gpu_submit_source. */
	__u32 pad0;                        /*  44: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_gpu_submit_event) == 48, "layout changed: update the Java mirror");

/* A task moved from one CPU to another. (FL_EVENT_MIGRATION) */
struct fl_migration_event {
	struct fl_event_header header;     /*   0: common header */
	__u32 pid;                         /*  24: Process id of the migrated task. */
	__u32 tid;                         /*  28: Thread id of the migrated task. */
	__u32 from_cpu;                    /*  32: CPU the task left. */
	__u32 to_cpu;                      /*  36: CPU the task moved to. */
	__u64 latency_ns;                  /*  40: What the move cost: migration decision to
	                                    *      first run on to_cpu; 0 when unknown. */
	__u8 reason;                       /*  48: Why the task moved, enum fl_migration_reason. */
	__u8 thread_class;                 /*  49: Class of the task when it moved, enum
	                                    *      fl_thread_class. */
	__u8 source;                       /*  50: Hook that saw the move, enum
	                                    *      fl_migration_source. */
	__u8 pad0;                         /*  51: explicit padding, always 0 */
	__u32 pad1;                        /*  52: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_migration_event) == 56, "layout changed: update the Java mirror");

/* The scheduler changed the class of a thread. (FL_EVENT_THREAD_CLASS) */
struct fl_thread_class_event {
	struct fl_event_header header;     /*   0: common header */
	__u32 pid;                         /*  24: Process id of the thread. */
	__u32 tid;                         /*  28: Thread id. */
	__u8 old_class;                    /*  32: Class before the change, enum fl_thread_class. */
	__u8 new_class;                    /*  33: Class after the change, enum fl_thread_class. */
	__u8 method;                       /*  34: How the new class was detected, enum
	                                    *      fl_detection_method. */
	__u8 pad0;                         /*  35: explicit padding, always 0 */
	__u16 confidence;                  /*  36: Confidence of the detection in per-mille
	                                    *      (0..1000). */
	__u16 pad1;                        /*  38: explicit padding, always 0 */
	char comm[FL_COMM_LEN];            /*  40: Thread comm, NUL-padded. */
};
_Static_assert(sizeof(struct fl_thread_class_event) == 56, "layout changed: update the Java mirror");

/*
 * A task ran later than its deadline by more than the scheduler's threshold.
 * (FL_EVENT_DEADLINE_MISS)
 */
struct fl_deadline_miss_event {
	struct fl_event_header header;     /*   0: common header */
	__u32 pid;                         /*  24: Process id of the late task. */
	__u32 tid;                         /*  28: Thread id of the late task. */
	__u64 expected_deadline_ns;        /*  32: Deadline the scheduler gave the task
	                                    *      (CLOCK_MONOTONIC ns). */
	__u64 actual_deadline_ns;          /*  40: When the task actually ran (CLOCK_MONOTONIC
	                                    *      ns). */
	__u64 miss_ns;                     /*  48: actual_deadline_ns - expected_deadline_ns. */
	__u32 run_cpu;                     /*  56: CPU the late task ran on. */
	__u8 thread_class;                 /*  60: Class of the task, enum fl_thread_class. */
	__u8 pad0;                         /*  61: explicit padding, always 0 */
	__u16 pad1;                        /*  62: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_deadline_miss_event) == 64, "layout changed: update the Java mirror");

/*
 * Per-thread scheduling statistics over one window, for threads that ran in it.
 * (FL_EVENT_TASK_STATS)
 */
struct fl_task_stats_event {
	struct fl_event_header header;     /*   0: common header */
	__u32 pid;                         /*  24: Process id. */
	__u32 tid;                         /*  28: Thread id. */
	char comm[FL_COMM_LEN];            /*  32: Thread comm, NUL-padded. */
	__u64 window_start_ns;             /*  48: Start of the window (CLOCK_MONOTONIC ns). */
	__u64 window_ns;                   /*  56: Length of the window in ns. */
	__u64 run_time_ns;                 /*  64: Time the thread ran in the window. */
	__u64 wake_to_run_sum_ns;          /*  72: Sum over the window's wakeups of wakeup-to-run
	                                    *      latency. */
	__u64 wake_to_run_max_ns;          /*  80: Largest wakeup-to-run latency in the window. */
	__u32 wakeups;                     /*  88: Wakeups in the window. */
	__u32 voluntary_switches;          /*  92: Times the thread blocked or yielded in the
	                                    *      window. */
	__u32 involuntary_switches;        /*  96: Times the thread was preempted in the window. */
	__u32 migrations;                  /* 100: CPU changes in the window. */
	__u32 last_cpu;                    /* 104: CPU the thread last ran on. */
	__u8 thread_class;                 /* 108: Class of the thread at the end of the window,
	                                    *      enum fl_thread_class. */
	__u8 pad0;                         /* 109: explicit padding, always 0 */
	__u16 pad1;                        /* 110: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_task_stats_event) == 112, "layout changed: update the Java mirror");

/*
 * The scheduler used a boost_policy entry for the first time; the loop's latency is measured on
 * it. (FL_EVENT_POLICY_APPLIED)
 */
struct fl_policy_applied_event {
	struct fl_event_header header;     /*   0: common header */
	__u32 pid;                         /*  24: Process id of the boosted thread. */
	__u32 tid;                         /*  28: Thread id the entry is for. */
	__u64 entry_timestamp_ns;          /*  32: When userspace wrote the entry
	                                    *      (CLOCK_MONOTONIC ns, from the entry). */
	__u64 expiry_ns;                   /*  40: When the entry expires (CLOCK_MONOTONIC ns). */
	__u64 slice_ns;                    /*  48: Time slice the entry grants. */
	__u32 boost;                       /*  56: Boost level of the entry. */
	__u8 role;                         /*  60: Role the entry assigns, enum fl_thread_class. */
	__u8 pad0;                         /*  61: explicit padding, always 0 */
	__u16 pad1;                        /*  62: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_policy_applied_event) == 64, "layout changed: update the Java mirror");

/* What the closed loop did to a boost_policy entry. */
enum fl_policy_action {
	FL_POLICY_ACTION_UNKNOWN = 0,            /* Not set. */
	FL_POLICY_ACTION_WRITE = 1,              /* The entry was written (created or replaced). */
	FL_POLICY_ACTION_DELETE = 2,             /* The entry was deleted. */
};

/* Why the closed loop wrote or deleted an entry. */
enum fl_policy_reason {
	FL_POLICY_REASON_UNKNOWN = 0,            /* Not set. */
	FL_POLICY_REASON_NEW = 1,                /* First entry of the thread: the model's role held for the
	                                          * hysteresis windows. */
	FL_POLICY_REASON_CHANGED = 2,            /* The model's role of the thread changed. */
	FL_POLICY_REASON_REFRESH = 3,            /* Still predicted: the expiry moved on. */
	FL_POLICY_REASON_EXPIRED = 4,            /* Not predicted any more and expired: deleted. */
	FL_POLICY_REASON_EXITED = 5,             /* The thread exited: deleted. */
};

/*
 * A decision of the closed loop (frameloop loop) about a boost_policy entry. Written by userspace
 * only, into recordings; never by BPF. (FL_EVENT_POLICY_DECISION)
 */
struct fl_policy_decision_event {
	struct fl_event_header header;     /*   0: common header; cpu is 0 */
	__u32 pid;                         /*  24: Process id of the thread; 0 when the loop did not know it. */
	__u32 tid;                         /*  28: Thread id the entry is for. */
	__u64 expiry_ns;                   /*  32: When the entry written expires (CLOCK_MONOTONIC ns);
	                                    *      0 for a delete. */
	__u64 slice_ns;                    /*  40: Time slice the entry grants; 0 for the role's default or
	                                    *      a delete. */
	__u32 boost;                       /*  48: Boost in percent of the entry; 0 for the role's default or
	                                    *      a delete. */
	__u32 confidence_ppm;              /*  52: The model's probability of the role, parts per million;
	                                    *      0 for a delete. */
	__u8 action;                       /*  56: What was done, enum fl_policy_action. */
	__u8 role;                         /*  57: Role written, or the role the deleted entry had,
	                                    *      enum fl_thread_class. */
	__u8 heuristic;                    /*  58: The scheduler's own class of the thread when deciding,
	                                    *      enum fl_thread_class. */
	__u8 reason;                       /*  59: Why, enum fl_policy_reason. */
	__u8 dry_run;                      /*  60: 1 when no map was written (loop --dry-run), else 0. */
	__u8 pad0;                         /*  61: explicit padding, always 0 */
	__u16 pad1;                        /*  62: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_policy_decision_event) == 64, "layout changed: update the Java mirror");

/*
 * A benchmark record: sequence number and producer timestamp, followed by payload bytes up to
 * the requested record size.
 */
struct fl_bench_record {
	__u64 seq;                         /*   0: Sequence number, 0-based, in production order. */
	__u64 timestamp_ns;                /*   8: bpf_ktime_get_ns() when the record was
	                                    *      reserved. */
	__u8 payload[];                    /*  16: Filler up to the requested size. */
};
_Static_assert(sizeof(struct fl_bench_record) == 16, "layout changed: update the Java mirror");

/*
 * A benchmark frame: the six fields of a frame-timing row (four 64-bit integers, two flags), as
 * frameloop bench record writes them. The producer derives every value from seq (see
 * bench.bpf.c), so a reader can check each row's contents.
 */
struct fl_bench_frame {
	__u64 seq;                         /*   0: Sequence number, 0-based, in production order. */
	__u64 timestamp_ns;                /*   8: bpf_ktime_get_ns() when the record was
	                                    *      reserved. */
	__u64 frame_interval_ns;           /*  16: Time since the previous frame, ns. */
	__u64 gpu_to_present_ns;           /*  24: Time from the last GPU submit to the present, ns. */
	__u8 frame_dropped;                /*  32: 1 when the frame did not reach the screen. */
	__u8 vsync_missed;                 /*  33: 1 when the present missed its vblank. */
	__u8 pad0[6];                      /*  34: explicit padding, always 0 */
};
_Static_assert(sizeof(struct fl_bench_frame) == 40, "layout changed: update the Java mirror");

#endif /* FRAMELOOP_EVENTS_H */
