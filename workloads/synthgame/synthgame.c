// SPDX-License-Identifier: GPL-2.0
/*
 * synthgame: a synthetic game with the threads a real one has, each named (pthread_setname_np):
 *
 *   render    a frame loop at --fps: wakes at each frame time, burns a sampled amount of CPU (a
 *             distribution plus rare spikes), submits to DRM (vgem fence attach/signal ioctls on
 *             /dev/dri/card* when a vgem device is there), then presents by calling
 *             synthgame_present(frame_no) -- exactly once per frame, exported, never inlined, so a
 *             uprobe counts frames -- which also swaps an EGL pbuffer (Mesa, surfaceless platform)
 *             when EGL was built in and initialises;
 *   input     reads the virtual mouse that synthgame-inject (started as a child) moves at --input-hz:
 *             its evdev node, or its mousedev node where the kernel has no evdev (the pinned test
 *             kernel); each move's time is when the injector wrote it to /dev/uinput (shared through a
 *             memfd), and its latency runs to the present of the first frame that started after the
 *             move was read;
 *   audio     writes ALSA periods to --audio-device (snd-aloop) through alsa-lib, with a little
 *             mixing work per period; every underrun (-EPIPE) is recorded;
 *   asset-N   asset streaming: copies --asset-mb MiB buffers in chunks, sleeping between chunks;
 *   shader-N  shader-compile-like bursts: every --shader-every-ms, all shader threads burn CPU.
 *
 * Ground truth, written to --out DIR at the end (times are CLOCK_MONOTONIC ns):
 *   frames.csv     frame,scheduled_ns,start_ns,present_ns,deadline_ns,work_ns,spike,missed,returned_ns
 *   input.csv      seq,event_ns,read_ns,frame,present_ns,latency_ns   (frame -1: never presented)
 *   underruns.csv  seq,time_ns,period
 *   summary.json   configuration, counts, thread ids, which features ran and why others did not
 * A frame misses its deadline when it is presented after scheduled_ns + 1/fps. returned_ns: the clock
 * read right after synthgame_present returned; a return probe on it fires between present_ns and
 * returned_ns, so that window bounds how far a probe's timestamp can be from present_ns (a preemption,
 * an interrupt or, in an emulator, a paused virtual CPU in between widens it).
 *
 * Build: see build.sh (optional features are detected at compile time: alsa-lib, EGL).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <linux/input.h>
#include <math.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "synthgame_common.h"

#if defined(SYNTHGAME_HAVE_ALSA) && __has_include(<alsa/asoundlib.h>)
#include <alsa/asoundlib.h>
#define HAVE_ALSA 1
#else
#define HAVE_ALSA 0
#endif

#if defined(SYNTHGAME_HAVE_EGL) && __has_include(<EGL/egl.h>)
#include <EGL/egl.h>
#include <EGL/eglext.h>
#define HAVE_EGL 1
#else
#define HAVE_EGL 0
#endif

#define MAX_WORKERS 16

enum work_dist { DIST_CONST, DIST_UNIFORM, DIST_NORMAL, DIST_LOGNORMAL };

static struct config {
	double duration_s;
	long fps;
	double work_us;
	double work_jitter_us;
	enum work_dist dist;
	double spike_prob;
	double spike_us;
	uint64_t seed;
	long input_hz;
	const char *audio_device;
	long audio_rate;
	long audio_period_frames;
	long audio_periods;
	double audio_work_us;
	int assets;
	long asset_mb;
	long asset_chunk_kb;
	long asset_pause_ms;
	int shaders;
	long shader_every_ms;
	long shader_ms;
	const char *present;
	const char *render_name;
	const char *out;
	int drm;
} cfg = {
	.duration_s = 10, .fps = 60, .work_us = 4000, .work_jitter_us = 800, .dist = DIST_NORMAL,
	.spike_prob = 0.01, .spike_us = 25000, .seed = 1, .input_hz = 1000,
	.audio_device = "hw:Loopback,0,0", .audio_rate = 48000, .audio_period_frames = 240, .audio_periods = 3,
	.audio_work_us = 300, .assets = 1, .asset_mb = 8, .asset_chunk_kb = 256, .asset_pause_ms = 20,
	.shaders = 2, .shader_every_ms = 1500, .shader_ms = 40, .present = "auto", .render_name = "render",
	.out = NULL, .drm = 1,
};

static atomic_int stop_flag;
static atomic_int render_ready, render_go; /* render's EGL/DRM set-up happens before the first frame time */
static uint64_t t_begin, t_end;

/* --- ground truth storage, preallocated: nothing allocates or writes files while the game runs --- */

struct frame_rec {
	uint64_t scheduled, start, present, deadline, work;
	uint64_t returned;
	int spike, missed;
};

struct input_rec {
	uint64_t event, read, present;
	int64_t frame;
};

struct underrun_rec {
	uint64_t time;
	uint64_t period;
};

static struct frame_rec *frames;
static size_t frames_cap, frames_n;
static unsigned long frames_skipped;

static struct input_rec *inputs;
static size_t inputs_cap;
static atomic_size_t inputs_n;       /* written by input (release), read by render (acquire) */
static unsigned long inputs_dropped; /* events read after the array was full */

static struct underrun_rec underruns[4096];
static size_t underruns_n;
static unsigned long audio_periods_written;

static atomic_long tid_render, tid_input, tid_audio, tid_main;
static atomic_long tid_assets[MAX_WORKERS], tid_shaders[MAX_WORKERS];

/* what ran, and why a part did not */
static char why_input[256] = "not started", why_audio[256] = "not started", why_drm[256] = "not started",
	    why_present[256] = "plain";
static const char *present_api = "plain";
static unsigned long drm_ioctls, drm_ioctl_errors;
static unsigned long egl_swaps;
static unsigned long input_events_read;
static unsigned long asset_bytes;
static unsigned long shader_bursts;
static int inject_status = -1;
static pid_t inject_pid;

static long gettid_long(void)
{
	return (long)syscall(SYS_gettid);
}

/* --- random numbers: xorshift64*, seeded, one state per thread --- */

static uint64_t rng_next(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1Dull;
}

static double rng_unit(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

static double rng_normal(uint64_t *s)
{
	double u1 = rng_unit(s), u2 = rng_unit(s);

	if (u1 < 1e-300)
		u1 = 1e-300;
	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

static double sample_work_us(uint64_t *s, int *spike)
{
	double w;

	switch (cfg.dist) {
	case DIST_CONST: w = cfg.work_us; break;
	case DIST_UNIFORM: w = cfg.work_us + (rng_unit(s) * 2 - 1) * cfg.work_jitter_us; break;
	case DIST_LOGNORMAL: {
		/* lognormal with mean work_us and standard deviation work_jitter_us */
		double m = cfg.work_us, v = cfg.work_jitter_us * cfg.work_jitter_us;
		double sigma2 = log(1 + v / (m * m));
		w = exp(log(m) - sigma2 / 2 + sqrt(sigma2) * rng_normal(s));
		break;
	}
	default: w = cfg.work_us + rng_normal(s) * cfg.work_jitter_us; break;
	}
	*spike = cfg.spike_prob > 0 && rng_unit(s) < cfg.spike_prob;
	if (*spike)
		w += cfg.spike_us;
	return w < 0 ? 0 : w;
}

static void burn_until(uint64_t t)
{
	static volatile uint64_t sink;

	while (sg_now_ns() < t)
		for (int i = 0; i < 64; i++)
			sink += (uint64_t)i * sink + 1;
}

/* --- presenting --- */

#if HAVE_EGL
static EGLDisplay egl_dpy = EGL_NO_DISPLAY;
static EGLSurface egl_surf = EGL_NO_SURFACE;
static void (*gl_clear_color)(float, float, float, float);
static void (*gl_clear)(unsigned int);

static int egl_init(void)
{
	PFNEGLGETPLATFORMDISPLAYEXTPROC get_platform_display =
		(PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
	static const EGLint config_attrs[] = { EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
					       EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_NONE };
	static const EGLint pbuffer_attrs[] = { EGL_WIDTH, 64, EGL_HEIGHT, 64, EGL_NONE };
	static const EGLint context_attrs[] = { EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE };
	EGLConfig config;
	EGLContext ctx;
	EGLint n = 0, major, minor;

	if (!get_platform_display) {
		snprintf(why_present, sizeof(why_present), "EGL has no eglGetPlatformDisplayEXT");
		return -1;
	}
	egl_dpy = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
	if (egl_dpy == EGL_NO_DISPLAY || !eglInitialize(egl_dpy, &major, &minor)) {
		snprintf(why_present, sizeof(why_present), "EGL surfaceless display: error 0x%x", eglGetError());
		return -1;
	}
	if (!eglBindAPI(EGL_OPENGL_ES_API) || !eglChooseConfig(egl_dpy, config_attrs, &config, 1, &n) || n < 1) {
		snprintf(why_present, sizeof(why_present), "EGL: no pbuffer ES2 config (error 0x%x)", eglGetError());
		return -1;
	}
	egl_surf = eglCreatePbufferSurface(egl_dpy, config, pbuffer_attrs);
	ctx = eglCreateContext(egl_dpy, config, EGL_NO_CONTEXT, context_attrs);
	if (egl_surf == EGL_NO_SURFACE || ctx == EGL_NO_CONTEXT || !eglMakeCurrent(egl_dpy, egl_surf, egl_surf, ctx)) {
		snprintf(why_present, sizeof(why_present), "EGL pbuffer/context: error 0x%x", eglGetError());
		return -1;
	}
	gl_clear_color = (void (*)(float, float, float, float))eglGetProcAddress("glClearColor");
	gl_clear = (void (*)(unsigned int))eglGetProcAddress("glClear");
	if (!gl_clear_color || !gl_clear) {
		snprintf(why_present, sizeof(why_present), "EGL: glClear not found");
		return -1;
	}
	snprintf(why_present, sizeof(why_present), "EGL %d.%d surfaceless (%s), pbuffer 64x64", major, minor,
		 eglQueryString(egl_dpy, EGL_VENDOR));
	present_api = "egl";
	return 0;
}
#endif

/*
 * The game's present: called exactly once per frame, by the render thread, after the frame's
 * work. Exported with default visibility and never inlined so that a uprobe on it sees every frame.
 * Returns the frame's present time, read as its last act: a return probe fires right after it,
 * a few instructions of the return trampoline later (a clock read after the call came back could
 * be late by a whole time slice). The frame loop reads the clock again when the call returns, so
 * the ground truth says how wide the window around the probe was (returned_ns).
 */
__attribute__((noinline, used, visibility("default"))) uint64_t synthgame_present(uint64_t frame_no)
{
#if HAVE_EGL
	if (egl_surf != EGL_NO_SURFACE) {
		float shade = (float)(frame_no % 64) / 64.0f;

		gl_clear_color(shade, 0.2f, 1.0f - shade, 1.0f);
		gl_clear(0x00004000 /* GL_COLOR_BUFFER_BIT */);
		if (eglSwapBuffers(egl_dpy, egl_surf))
			egl_swaps++;
		return sg_now_ns();
	}
#endif
	__asm__ volatile("" : : "r"(frame_no) : "memory");
	return sg_now_ns();
}

/* --- DRM submit-style ioctls on vgem (uapi values; no libdrm needed) --- */

struct sg_drm_version {
	int version_major, version_minor, version_patchlevel;
	size_t name_len;
	char *name;
	size_t date_len;
	char *date;
	size_t desc_len;
	char *desc;
};
struct sg_drm_create_dumb {
	uint32_t height, width, bpp, flags, handle, pitch;
	uint64_t size;
};
struct sg_vgem_fence_attach {
	uint32_t handle, flags, out_fence, pad;
};
struct sg_vgem_fence_signal {
	uint32_t fence, flags;
};
#define SG_DRM_IOCTL_VERSION _IOWR('d', 0x00, struct sg_drm_version)
#define SG_DRM_IOCTL_MODE_CREATE_DUMB _IOWR('d', 0xB2, struct sg_drm_create_dumb)
#define SG_DRM_IOCTL_VGEM_FENCE_ATTACH _IOWR('d', 0x40 + 0x1, struct sg_vgem_fence_attach)
#define SG_DRM_IOCTL_VGEM_FENCE_SIGNAL _IOW('d', 0x40 + 0x2, struct sg_vgem_fence_signal)
#define SG_VGEM_FENCE_WRITE 0x1

static int drm_fd = -1;
static uint32_t drm_bo;

static void drm_open_vgem(void)
{
	DIR *dir;
	struct dirent *e;

	if (!cfg.drm) {
		snprintf(why_drm, sizeof(why_drm), "off (--no-drm)");
		return;
	}
	dir = opendir("/dev/dri");
	if (!dir) {
		snprintf(why_drm, sizeof(why_drm), "no /dev/dri (%s)", strerror(errno));
		return;
	}
	snprintf(why_drm, sizeof(why_drm), "no vgem card in /dev/dri");
	while ((e = readdir(dir))) {
		char path[300], name[64] = "";
		struct sg_drm_version v = { .name_len = sizeof(name) - 1, .name = name };
		struct sg_drm_create_dumb dumb = { .height = 64, .width = 64, .bpp = 32 };
		int fd;

		if (strncmp(e->d_name, "card", 4))
			continue;
		snprintf(path, sizeof(path), "/dev/dri/%s", e->d_name);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (ioctl(fd, SG_DRM_IOCTL_VERSION, &v) || strcmp(name, "vgem")) {
			close(fd);
			continue;
		}
		if (ioctl(fd, SG_DRM_IOCTL_MODE_CREATE_DUMB, &dumb)) {
			snprintf(why_drm, sizeof(why_drm), "%s: DRM_IOCTL_MODE_CREATE_DUMB: %s", path, strerror(errno));
			close(fd);
			continue;
		}
		drm_fd = fd;
		drm_bo = dumb.handle;
		snprintf(why_drm, sizeof(why_drm), "%s (vgem): fence attach + signal per frame", path);
		break;
	}
	closedir(dir);
}

static void drm_submit(void)
{
	struct sg_vgem_fence_attach attach = { .handle = drm_bo, .flags = SG_VGEM_FENCE_WRITE };
	struct sg_vgem_fence_signal signal_ = { 0 };

	if (drm_fd < 0)
		return;
	drm_ioctls++;
	if (ioctl(drm_fd, SG_DRM_IOCTL_VGEM_FENCE_ATTACH, &attach)) {
		drm_ioctl_errors++;
		return;
	}
	signal_.fence = attach.out_fence;
	drm_ioctls++;
	if (ioctl(drm_fd, SG_DRM_IOCTL_VGEM_FENCE_SIGNAL, &signal_))
		drm_ioctl_errors++;
}

/* --- threads --- */

static void name_thread(const char *name)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%s", name);
	pthread_setname_np(pthread_self(), buf);
}

static void *render_main(void *arg)
{
	uint64_t period = 1000000000ull / (uint64_t)cfg.fps;
	uint64_t rng = cfg.seed * 0x9E3779B97F4A7C15ull + 1;
	uint64_t scheduled;
	size_t consumed = 0;

	(void)arg;
	name_thread(cfg.render_name);
	atomic_store(&tid_render, gettid_long());
	if (strcmp(cfg.present, "plain")) {
#if HAVE_EGL
		egl_init();
#else
		snprintf(why_present, sizeof(why_present), "EGL not built in (no EGL headers at build time)");
#endif
		if (!strcmp(cfg.present, "egl") && strcmp(present_api, "egl")) {
			fprintf(stderr, "synthgame: --present egl: %s\n", why_present);
			exit(1);
		}
	}
	drm_open_vgem();
	atomic_store(&render_ready, 1);
	while (!atomic_load(&render_go))
		usleep(1000);
	scheduled = t_begin;
	while (!atomic_load(&stop_flag) && scheduled < t_end && frames_n < frames_cap) {
		struct frame_rec *f = &frames[frames_n];
		size_t available, i;
		int spike;
		double work;

		sg_sleep_until(scheduled);
		f->scheduled = scheduled;
		f->start = sg_now_ns();
		available = atomic_load_explicit(&inputs_n, memory_order_acquire);
		for (i = consumed; i < available; i++)
			inputs[i].frame = (int64_t)frames_n;
		work = sample_work_us(&rng, &spike);
		burn_until(f->start + (uint64_t)(work * 1000.0));
		f->work = sg_now_ns() - f->start;
		f->spike = spike;
		drm_submit();
		f->present = synthgame_present((uint64_t)frames_n);
		f->returned = sg_now_ns();
		for (i = consumed; i < available; i++)
			inputs[i].present = f->present;
		consumed = available;
		f->deadline = scheduled + period;
		f->missed = f->present > f->deadline;
		frames_n++;
		scheduled += period;
		while (scheduled < f->present) { /* vsync-like: a late frame drops the frame times it overran */
			scheduled += period;
			frames_skipped++;
		}
	}
	return NULL;
}

/*
 * The injector's device node: its evdev node (eventN) when the kernel has evdev, else its mousedev node
 * (mouseN: PS/2-style packets whose dx sums the moves). Found by name in /sys/class/input.
 */
static int open_injected_device(const char *name, char *path, size_t len, int *is_evdev)
{
	DIR *inputs_dir = opendir("/sys/class/input");
	struct dirent *e;
	int fd = -1;

	if (!inputs_dir)
		return -1;
	while ((e = readdir(inputs_dir)) && fd < 0) {
		char file[512], devname[256] = "", node_event[64] = "", node_mouse[64] = "";
		FILE *f;
		DIR *children;
		struct dirent *c;

		if (strncmp(e->d_name, "input", 5))
			continue;
		snprintf(file, sizeof(file), "/sys/class/input/%s/name", e->d_name);
		f = fopen(file, "r");
		if (!f)
			continue;
		if (!fgets(devname, sizeof(devname), f))
			devname[0] = '\0';
		fclose(f);
		devname[strcspn(devname, "\n")] = '\0';
		if (strcmp(devname, name))
			continue;
		snprintf(file, sizeof(file), "/sys/class/input/%s", e->d_name);
		children = opendir(file);
		if (!children)
			continue;
		while ((c = readdir(children))) {
			if (!strncmp(c->d_name, "event", 5))
				snprintf(node_event, sizeof(node_event), "%s", c->d_name);
			else if (!strncmp(c->d_name, "mouse", 5))
				snprintf(node_mouse, sizeof(node_mouse), "%s", c->d_name);
		}
		closedir(children);
		if (node_event[0] || node_mouse[0]) {
			*is_evdev = node_event[0] != '\0';
			snprintf(path, len, "/dev/input/%s", *is_evdev ? node_event : node_mouse);
			fd = open(path, O_RDONLY | O_CLOEXEC);
		}
	}
	closedir(inputs_dir);
	return fd;
}

/*
 * The injector's write times, shared through a memfd: word 0 is how many moves it has written, word 1 is
 * set to 1 by the game once it has opened the device (the injector moves nothing before, so the game sees
 * every move), word 2+k the CLOCK_MONOTONIC time it wrote move k (just before the write() to the kernel).
 */
static volatile uint64_t *inject_times;
static size_t inject_times_cap;

static void start_injector(const char *self_dir)
{
	char exe[PATH_MAX + 32], rate[32], times_fd[32];
	int p[2], memfd;

	snprintf(exe, sizeof(exe), "%s/synthgame-inject", self_dir);
	snprintf(rate, sizeof(rate), "%ld", cfg.input_hz);
	if (access("/dev/uinput", W_OK)) {
		snprintf(why_input, sizeof(why_input), "/dev/uinput: %s (load uinput; needs root)", strerror(errno));
		return;
	}
	if (access(exe, X_OK)) {
		snprintf(why_input, sizeof(why_input), "%s: %s", exe, strerror(errno));
		return;
	}
	inject_times_cap = inputs_cap;
	memfd = (int)syscall(SYS_memfd_create, "synthgame-inject-times", 0);
	if (memfd < 0 || ftruncate(memfd, (off_t)((inject_times_cap + 2) * sizeof(uint64_t)))) {
		snprintf(why_input, sizeof(why_input), "memfd for the injector's times: %s", strerror(errno));
		return;
	}
	inject_times = mmap(NULL, (inject_times_cap + 2) * sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
	if (inject_times == MAP_FAILED || pipe(p)) {
		snprintf(why_input, sizeof(why_input), "mmap/pipe for the injector: %s", strerror(errno));
		inject_times = NULL;
		return;
	}
	snprintf(times_fd, sizeof(times_fd), "%d", memfd);
	inject_pid = fork();
	if (inject_pid == 0) {
		dup2(p[1], STDOUT_FILENO);
		close(p[0]);
		close(p[1]);
		execl(exe, "synthgame-inject", "--rate", rate, "--name", SYNTHGAME_INJECT_DEFAULT_NAME, "--times-fd", times_fd,
		      (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	close(memfd);
	/* the injector's summary line is read at the end; keep the pipe's read end open until then */
	inject_status = p[0];
}

static void record_input(size_t move, uint64_t read_ns)
{
	size_t n = atomic_load_explicit(&inputs_n, memory_order_relaxed);

	input_events_read++;
	if (n >= inputs_cap || move >= inject_times_cap) {
		inputs_dropped++;
		return;
	}
	inputs[n].event = inject_times[2 + move];
	inputs[n].read = read_ns;
	inputs[n].frame = -1;
	inputs[n].present = 0;
	atomic_store_explicit(&inputs_n, n + 1, memory_order_release);
}

static void *input_main(void *arg)
{
	char path[300];
	int fd = -1, evdev = 0;
	size_t moves = 0;

	(void)arg;
	name_thread("input");
	atomic_store(&tid_input, gettid_long());
	if (!inject_pid)
		return NULL;
	for (int tries = 0; tries < 500 && fd < 0 && !atomic_load(&stop_flag); tries++) {
		fd = open_injected_device(SYNTHGAME_INJECT_DEFAULT_NAME, path, sizeof(path), &evdev);
		if (fd < 0)
			usleep(10000);
	}
	if (fd < 0) {
		snprintf(why_input, sizeof(why_input), "the injector's device (evdev or mousedev node) did not appear within 5 s");
		return NULL;
	}
	__atomic_store_n(&inject_times[1], 1, __ATOMIC_RELEASE); /* the injector may move now */
	snprintf(why_input, sizeof(why_input), "%s (%s) driven by synthgame-inject at %ld Hz", path,
		 evdev ? "evdev" : "mousedev: no evdev in this kernel", cfg.input_hz);
	while (!atomic_load(&stop_flag)) {
		unsigned char buf[64 * sizeof(struct input_event)];
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		ssize_t got;
		uint64_t read_ns;

		if (poll(&pfd, 1, 50) <= 0)
			continue;
		got = read(fd, buf, evdev ? sizeof(buf) : 3 * 64);
		if (got <= 0)
			continue;
		read_ns = sg_now_ns();
		if (evdev) {
			const struct input_event *ev = (const struct input_event *)buf;

			for (size_t i = 0; i < (size_t)got / sizeof(*ev); i++)
				if (ev[i].type == EV_REL && ev[i].code == REL_X)
					for (int k = 0; k < ev[i].value; k++)
						record_input(moves++, read_ns);
		} else {
			for (ssize_t i = 0; i + 2 < got; i += 3) { /* PS/2 packet: flags, dx, dy; bit 4 of flags: dx < 0 */
				int dx = buf[i + 1] - ((buf[i] << 4) & 0x100);

				for (int k = 0; k < dx; k++)
					record_input(moves++, read_ns);
			}
		}
	}
	close(fd);
	return NULL;
}

static void *audio_main(void *arg)
{
	(void)arg;
	name_thread("audio");
	atomic_store(&tid_audio, gettid_long());
#if HAVE_ALSA
	{
		snd_pcm_t *pcm;
		snd_pcm_hw_params_t *hw;
		snd_pcm_uframes_t period = (snd_pcm_uframes_t)cfg.audio_period_frames;
		snd_pcm_uframes_t buffer = period * (snd_pcm_uframes_t)cfg.audio_periods;
		unsigned int rate = (unsigned int)cfg.audio_rate;
		int16_t *samples;
		int err;
		uint64_t seq = 0;
		double phase = 0;

		if ((err = snd_pcm_open(&pcm, cfg.audio_device, SND_PCM_STREAM_PLAYBACK, 0)) < 0) {
			snprintf(why_audio, sizeof(why_audio), "%s: %s (load snd-aloop)", cfg.audio_device, snd_strerror(err));
			return NULL;
		}
		snd_pcm_hw_params_alloca(&hw);
		snd_pcm_hw_params_any(pcm, hw);
		if ((err = snd_pcm_hw_params_set_access(pcm, hw, SND_PCM_ACCESS_RW_INTERLEAVED)) < 0 ||
		    (err = snd_pcm_hw_params_set_format(pcm, hw, SND_PCM_FORMAT_S16_LE)) < 0 ||
		    (err = snd_pcm_hw_params_set_channels(pcm, hw, 2)) < 0 ||
		    (err = snd_pcm_hw_params_set_rate_near(pcm, hw, &rate, NULL)) < 0 ||
		    (err = snd_pcm_hw_params_set_period_size_near(pcm, hw, &period, NULL)) < 0 ||
		    (err = snd_pcm_hw_params_set_buffer_size_near(pcm, hw, &buffer)) < 0 ||
		    (err = snd_pcm_hw_params(pcm, hw)) < 0) {
			snprintf(why_audio, sizeof(why_audio), "%s: hw params: %s", cfg.audio_device, snd_strerror(err));
			snd_pcm_close(pcm);
			return NULL;
		}
		samples = calloc(period * 2, sizeof(*samples));
		snprintf(why_audio, sizeof(why_audio), "%s: S16_LE stereo %u Hz, period %lu frames, buffer %lu frames",
			 cfg.audio_device, rate, (unsigned long)period, (unsigned long)buffer);
		while (!atomic_load(&stop_flag)) {
			uint64_t mix_end = sg_now_ns() + (uint64_t)(cfg.audio_work_us * 1000.0);
			snd_pcm_sframes_t w;

			for (snd_pcm_uframes_t i = 0; i < period; i++) { /* a 440 Hz tone: the "mixing" */
				int16_t s = (int16_t)(8000 * sin(phase));

				samples[2 * i] = samples[2 * i + 1] = s;
				phase += 2 * M_PI * 440.0 / rate;
			}
			burn_until(mix_end);
			w = snd_pcm_writei(pcm, samples, period);
			if (w == -EPIPE) {
				if (underruns_n < sizeof(underruns) / sizeof(underruns[0])) {
					underruns[underruns_n].time = sg_now_ns();
					underruns[underruns_n].period = seq;
				}
				underruns_n++;
				snd_pcm_prepare(pcm);
			} else if (w < 0) {
				if (snd_pcm_recover(pcm, (int)w, 1) < 0) {
					snprintf(why_audio, sizeof(why_audio), "%s: write: %s", cfg.audio_device, snd_strerror((int)w));
					break;
				}
			} else {
				audio_periods_written++;
			}
			seq++;
		}
		snd_pcm_drop(pcm);
		snd_pcm_close(pcm);
		free(samples);
	}
#else
	snprintf(why_audio, sizeof(why_audio), "alsa-lib not built in (no alsa/asoundlib.h at build time)");
#endif
	return NULL;
}

static void *asset_main(void *arg)
{
	long index = (long)(intptr_t)arg;
	size_t size = (size_t)cfg.asset_mb << 20, chunk = (size_t)cfg.asset_chunk_kb << 10;
	char name[16], *src = malloc(size), *dst = malloc(size);

	snprintf(name, sizeof(name), "asset-%ld", index);
	name_thread(name);
	atomic_store(&tid_assets[index], gettid_long());
	if (!src || !dst || chunk == 0)
		goto out;
	memset(src, (int)index, size);
	while (!atomic_load(&stop_flag)) {
		for (size_t off = 0; off + chunk <= size && !atomic_load(&stop_flag); off += chunk) {
			memcpy(dst + off, src + off, chunk);
			asset_bytes += chunk;
		}
		usleep((useconds_t)cfg.asset_pause_ms * 1000);
	}
out:
	free(src);
	free(dst);
	return NULL;
}

static void *shader_main(void *arg)
{
	long index = (long)(intptr_t)arg;
	char name[16];
	uint64_t next = t_begin + (uint64_t)cfg.shader_every_ms * 1000000ull;

	snprintf(name, sizeof(name), "shader-%ld", index);
	name_thread(name);
	atomic_store(&tid_shaders[index], gettid_long());
	while (!atomic_load(&stop_flag) && next < t_end) {
		sg_sleep_until(next);
		if (atomic_load(&stop_flag))
			break;
		burn_until(sg_now_ns() + (uint64_t)cfg.shader_ms * 1000000ull);
		if (index == 0)
			shader_bursts++;
		next += (uint64_t)cfg.shader_every_ms * 1000000ull;
	}
	return NULL;
}

/* --- output --- */

static FILE *open_out(const char *name)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", cfg.out, name);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "synthgame: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	return f;
}

static void close_out(FILE *f, const char *name)
{
	if (ferror(f) | fclose(f)) {
		fprintf(stderr, "synthgame: writing %s/%s failed\n", cfg.out, name);
		exit(1);
	}
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static const char *dist_name(enum work_dist d)
{
	static const char *names[] = { "const", "uniform", "normal", "lognormal" };

	return names[d];
}

static void write_ground_truth(const char *inject_line, size_t input_n, unsigned long missed,
			       unsigned long latencies)
{
	FILE *f = open_out("frames.csv");

	fprintf(f, "frame,scheduled_ns,start_ns,present_ns,deadline_ns,work_ns,spike,missed,returned_ns\n");
	for (size_t i = 0; i < frames_n; i++)
		fprintf(f, "%zu,%llu,%llu,%llu,%llu,%llu,%d,%d,%llu\n", i, (unsigned long long)frames[i].scheduled,
			(unsigned long long)frames[i].start, (unsigned long long)frames[i].present,
			(unsigned long long)frames[i].deadline, (unsigned long long)frames[i].work, frames[i].spike,
			frames[i].missed, (unsigned long long)frames[i].returned);
	close_out(f, "frames.csv");

	f = open_out("input.csv");
	fprintf(f, "seq,event_ns,read_ns,frame,present_ns,latency_ns\n");
	for (size_t i = 0; i < input_n; i++) {
		const struct input_rec *r = &inputs[i];
		long long latency = r->present ? (long long)(r->present - r->event) : -1;

		fprintf(f, "%zu,%llu,%llu,%lld,%llu,%lld\n", i, (unsigned long long)r->event, (unsigned long long)r->read,
			(long long)(r->present ? r->frame : -1), (unsigned long long)r->present, latency);
	}
	close_out(f, "input.csv");

	f = open_out("underruns.csv");
	fprintf(f, "seq,time_ns,period\n");
	for (size_t i = 0; i < underruns_n && i < sizeof(underruns) / sizeof(underruns[0]); i++)
		fprintf(f, "%zu,%llu,%llu\n", i, (unsigned long long)underruns[i].time,
			(unsigned long long)underruns[i].period);
	close_out(f, "underruns.csv");

	f = open_out("summary.json");
	fprintf(f, "{\n  \"tool\": \"synthgame\",\n  \"pid\": %d,\n", getpid());
	fprintf(f, "  \"clock\": \"CLOCK_MONOTONIC\",\n  \"begin_ns\": %llu,\n  \"end_ns\": %llu,\n",
		(unsigned long long)t_begin, (unsigned long long)sg_now_ns());
	fprintf(f, "  \"config\": {\"duration_s\": %g, \"fps\": %ld, \"work_us\": %g, \"work_jitter_us\": %g, "
		   "\"work_dist\": \"%s\", \"spike_prob\": %g, \"spike_us\": %g, \"seed\": %llu, \"input_hz\": %ld, "
		   "\"audio_period_frames\": %ld, \"audio_periods\": %ld, \"assets\": %d, \"shaders\": %d, "
		   "\"shader_every_ms\": %ld, \"shader_ms\": %ld, \"present\": ",
		cfg.duration_s, cfg.fps, cfg.work_us, cfg.work_jitter_us, dist_name(cfg.dist), cfg.spike_prob,
		cfg.spike_us, (unsigned long long)cfg.seed, cfg.input_hz, cfg.audio_period_frames, cfg.audio_periods,
		cfg.assets, cfg.shaders, cfg.shader_every_ms, cfg.shader_ms);
	json_string(f, cfg.present);
	fprintf(f, ", \"audio_device\": ");
	json_string(f, cfg.audio_device);
	fprintf(f, "},\n  \"threads\": {\"main\": %ld, \"render\": %ld, \"input\": %ld, \"audio\": %ld",
		atomic_load(&tid_main), atomic_load(&tid_render), atomic_load(&tid_input), atomic_load(&tid_audio));
	for (int i = 0; i < cfg.assets; i++)
		fprintf(f, ", \"asset-%d\": %ld", i, atomic_load(&tid_assets[i]));
	for (int i = 0; i < cfg.shaders; i++)
		fprintf(f, ", \"shader-%d\": %ld", i, atomic_load(&tid_shaders[i]));
	fprintf(f, "},\n  \"render_thread_name\": ");
	json_string(f, cfg.render_name);
	fprintf(f, ",\n  \"frames\": %zu,\n  \"frames_missed\": %lu,\n  \"frames_skipped\": %lu,\n", frames_n, missed,
		frames_skipped);
	fprintf(f, "  \"present_api\": \"%s\",\n  \"present\": ", present_api);
	json_string(f, why_present);
	fprintf(f, ",\n  \"egl_swaps\": %lu,\n  \"drm\": ", egl_swaps);
	json_string(f, why_drm);
	fprintf(f, ",\n  \"drm_ioctls\": %lu,\n  \"drm_ioctl_errors\": %lu,\n  \"input\": ", drm_ioctls, drm_ioctl_errors);
	json_string(f, why_input);
	fprintf(f, ",\n  \"input_events\": %zu,\n  \"input_events_presented\": %lu,\n  \"input_events_dropped\": %lu,\n",
		input_n, latencies, inputs_dropped);
	fprintf(f, "  \"injector\": ");
	json_string(f, inject_line);
	fprintf(f, ",\n  \"audio\": ");
	json_string(f, why_audio);
	fprintf(f, ",\n  \"audio_periods_written\": %lu,\n  \"audio_underruns\": %zu,\n", audio_periods_written,
		underruns_n);
	fprintf(f, "  \"asset_bytes\": %lu,\n  \"shader_bursts\": %lu\n}\n", asset_bytes, shader_bursts);
	close_out(f, "summary.json");
}

static void on_signal(int sig)
{
	(void)sig;
	atomic_store(&stop_flag, 1);
}

static void usage(FILE *out)
{
	fprintf(out,
"usage: synthgame --out DIR [options]\n"
"A synthetic game: named threads render, input, audio, asset-N, shader-N; writes its own ground truth\n"
"(frames.csv, input.csv, underruns.csv, summary.json; CLOCK_MONOTONIC ns) into DIR at the end.\n"
"Every frame calls the exported uint64_t synthgame_present(uint64_t frame_no) exactly once; it returns\n"
"the frame's present time (present_ns), read as its last act.\n"
"\n"
"  --out DIR              folder for the ground truth (created if missing; required)\n"
"  --duration S           seconds to run (default 10); SIGINT/SIGTERM end it early\n"
"  --fps N                target frames per second (default 60); deadline = frame time + 1/N\n"
"  --work-us U            mean CPU work per frame, microseconds (default 4000)\n"
"  --work-jitter-us J     spread of the work: standard deviation (normal, lognormal) or half-width\n"
"                         (uniform), microseconds (default 800)\n"
"  --work-dist D          const | uniform | normal | lognormal (default normal)\n"
"  --spike-prob P         probability that a frame gets a spike (default 0.01)\n"
"  --spike-us U           extra CPU work of a spike frame, microseconds (default 25000)\n"
"  --seed N               seed of the work and spike draws (default 1)\n"
"  --input-hz HZ          rate of synthgame-inject's virtual mouse, 1..8000; 0 = no input (default 1000)\n"
"  --audio-device PCM     ALSA playback device (default hw:Loopback,0,0: snd-aloop); \"none\" = no audio\n"
"  --audio-period N       frames per ALSA period (default 240 = 5 ms at 48 kHz)\n"
"  --audio-periods N      periods in the ALSA buffer (default 3)\n"
"  --audio-work-us U      mixing work per period, microseconds (default 300)\n"
"  --assets N             asset-streaming threads, 0..%d (default 1)\n"
"  --asset-mb M           MiB each asset thread copies per pass (default 8)\n"
"  --asset-pause-ms MS    pause between passes (default 20)\n"
"  --shaders N            shader-compile threads, 0..%d (default 2)\n"
"  --shader-every-ms MS   time between bursts (default 1500)\n"
"  --shader-ms MS         CPU time each shader thread burns per burst (default 40)\n"
"  --present P            auto (EGL surfaceless when it initialises, else plain) | egl (required) | plain\n"
"  --no-drm               no vgem ioctls even when /dev/dri has a vgem card\n"
"  --render-name NAME     the render thread's name, up to 15 bytes (default render)\n"
"  --help                 this text\n"
"Built with: EGL %s, alsa-lib %s.\n",
		MAX_WORKERS, MAX_WORKERS, HAVE_EGL ? "yes" : "no", HAVE_ALSA ? "yes" : "no");
}

static long parse_long(const char *option, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < min || v > max) {
		fprintf(stderr, "synthgame: %s wants an integer in %ld..%ld, got '%s'\n", option, min, max, s);
		exit(2);
	}
	return v;
}

static double parse_double(const char *option, const char *s, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || end == s || !(v >= min && v <= max)) {
		fprintf(stderr, "synthgame: %s wants a number in %g..%g, got '%s'\n", option, min, max, s);
		exit(2);
	}
	return v;
}

static void parse_options(int argc, char **argv)
{
	enum { O_OUT = 256, O_DURATION, O_FPS, O_WORK, O_JITTER, O_DIST, O_SPIKE_PROB, O_SPIKE_US, O_SEED, O_INPUT_HZ,
	       O_AUDIO_DEV, O_AUDIO_PERIOD, O_AUDIO_PERIODS, O_AUDIO_WORK, O_ASSETS, O_ASSET_MB, O_ASSET_PAUSE,
	       O_SHADERS, O_SHADER_EVERY, O_SHADER_MS, O_PRESENT, O_NO_DRM, O_RENDER_NAME, O_HELP };
	static const struct option options[] = {
		{ "out", required_argument, NULL, O_OUT },
		{ "duration", required_argument, NULL, O_DURATION },
		{ "fps", required_argument, NULL, O_FPS },
		{ "work-us", required_argument, NULL, O_WORK },
		{ "work-jitter-us", required_argument, NULL, O_JITTER },
		{ "work-dist", required_argument, NULL, O_DIST },
		{ "spike-prob", required_argument, NULL, O_SPIKE_PROB },
		{ "spike-us", required_argument, NULL, O_SPIKE_US },
		{ "seed", required_argument, NULL, O_SEED },
		{ "input-hz", required_argument, NULL, O_INPUT_HZ },
		{ "audio-device", required_argument, NULL, O_AUDIO_DEV },
		{ "audio-period", required_argument, NULL, O_AUDIO_PERIOD },
		{ "audio-periods", required_argument, NULL, O_AUDIO_PERIODS },
		{ "audio-work-us", required_argument, NULL, O_AUDIO_WORK },
		{ "assets", required_argument, NULL, O_ASSETS },
		{ "asset-mb", required_argument, NULL, O_ASSET_MB },
		{ "asset-pause-ms", required_argument, NULL, O_ASSET_PAUSE },
		{ "shaders", required_argument, NULL, O_SHADERS },
		{ "shader-every-ms", required_argument, NULL, O_SHADER_EVERY },
		{ "shader-ms", required_argument, NULL, O_SHADER_MS },
		{ "present", required_argument, NULL, O_PRESENT },
		{ "no-drm", no_argument, NULL, O_NO_DRM },
		{ "render-name", required_argument, NULL, O_RENDER_NAME },
		{ "help", no_argument, NULL, O_HELP },
		{ 0 }
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case O_OUT: cfg.out = optarg; break;
		case O_DURATION: cfg.duration_s = parse_double("--duration", optarg, 0.001, 86400); break;
		case O_FPS: cfg.fps = parse_long("--fps", optarg, 1, 1000); break;
		case O_WORK: cfg.work_us = parse_double("--work-us", optarg, 0, 1e7); break;
		case O_JITTER: cfg.work_jitter_us = parse_double("--work-jitter-us", optarg, 0, 1e7); break;
		case O_DIST:
			if (!strcmp(optarg, "const")) cfg.dist = DIST_CONST;
			else if (!strcmp(optarg, "uniform")) cfg.dist = DIST_UNIFORM;
			else if (!strcmp(optarg, "normal")) cfg.dist = DIST_NORMAL;
			else if (!strcmp(optarg, "lognormal")) cfg.dist = DIST_LOGNORMAL;
			else {
				fprintf(stderr, "synthgame: --work-dist wants const, uniform, normal or lognormal, got '%s'\n", optarg);
				exit(2);
			}
			break;
		case O_SPIKE_PROB: cfg.spike_prob = parse_double("--spike-prob", optarg, 0, 1); break;
		case O_SPIKE_US: cfg.spike_us = parse_double("--spike-us", optarg, 0, 1e7); break;
		case O_SEED: cfg.seed = (uint64_t)parse_long("--seed", optarg, 0, LONG_MAX); break;
		case O_INPUT_HZ: cfg.input_hz = parse_long("--input-hz", optarg, 0, 8000); break;
		case O_AUDIO_DEV: cfg.audio_device = optarg; break;
		case O_AUDIO_PERIOD: cfg.audio_period_frames = parse_long("--audio-period", optarg, 16, 65536); break;
		case O_AUDIO_PERIODS: cfg.audio_periods = parse_long("--audio-periods", optarg, 2, 64); break;
		case O_AUDIO_WORK: cfg.audio_work_us = parse_double("--audio-work-us", optarg, 0, 1e6); break;
		case O_ASSETS: cfg.assets = (int)parse_long("--assets", optarg, 0, MAX_WORKERS); break;
		case O_ASSET_MB: cfg.asset_mb = parse_long("--asset-mb", optarg, 1, 4096); break;
		case O_ASSET_PAUSE: cfg.asset_pause_ms = parse_long("--asset-pause-ms", optarg, 0, 60000); break;
		case O_SHADERS: cfg.shaders = (int)parse_long("--shaders", optarg, 0, MAX_WORKERS); break;
		case O_SHADER_EVERY: cfg.shader_every_ms = parse_long("--shader-every-ms", optarg, 1, 3600000); break;
		case O_SHADER_MS: cfg.shader_ms = parse_long("--shader-ms", optarg, 0, 60000); break;
		case O_PRESENT:
			if (strcmp(optarg, "auto") && strcmp(optarg, "egl") && strcmp(optarg, "plain")) {
				fprintf(stderr, "synthgame: --present wants auto, egl or plain, got '%s'\n", optarg);
				exit(2);
			}
			cfg.present = optarg;
			break;
		case O_NO_DRM: cfg.drm = 0; break;
		case O_RENDER_NAME:
			if (!*optarg || strlen(optarg) > 15) {
				fprintf(stderr, "synthgame: --render-name wants 1..15 bytes (the kernel's comm limit)\n");
				exit(2);
			}
			cfg.render_name = optarg;
			break;
		case O_HELP: usage(stdout); exit(0);
		default: usage(stderr); exit(2);
		}
	}
	if (optind != argc) {
		fprintf(stderr, "synthgame: unexpected argument '%s' (try --help)\n", argv[optind]);
		exit(2);
	}
	if (!cfg.out) {
		fprintf(stderr, "synthgame: --out DIR is required (try --help)\n");
		exit(2);
	}
}

static void self_dir(char *dir, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", dir, len - 1);
	char *slash;

	if (n <= 0) {
		snprintf(dir, len, ".");
		return;
	}
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
}

static void stop_injector(char *line, size_t len)
{
	ssize_t n = 0, got;
	int status;

	line[0] = '\0';
	if (!inject_pid)
		return;
	kill(inject_pid, SIGTERM);
	while ((got = read(inject_status, line + n, len - 1 - (size_t)n)) > 0 && (size_t)(n + got) < len - 1)
		n += got;
	if (got > 0)
		n += got;
	line[n] = '\0';
	if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0';
	close(inject_status);
	waitpid(inject_pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		snprintf(why_input + strlen(why_input), sizeof(why_input) - strlen(why_input),
			 "; synthgame-inject ended with status 0x%x", status);
}

int main(int argc, char **argv)
{
	pthread_t render, input, audio, assets[MAX_WORKERS], shaders[MAX_WORKERS];
	char dir[PATH_MAX], inject_line[512];
	size_t input_n;
	unsigned long missed = 0, latencies = 0;
	struct sigaction sa;

	parse_options(argc, argv);
	if (mkdir(cfg.out, 0755) && errno != EEXIST) {
		fprintf(stderr, "synthgame: mkdir %s: %s\n", cfg.out, strerror(errno));
		return 1;
	}
	frames_cap = (size_t)(cfg.duration_s * (double)cfg.fps) + 16;
	frames = calloc(frames_cap, sizeof(*frames));
	inputs_cap = cfg.input_hz > 0 ? (size_t)(cfg.duration_s * (double)cfg.input_hz * 1.25) + 4096 : 1;
	inputs = calloc(inputs_cap, sizeof(*inputs));
	if (!frames || !inputs) {
		fprintf(stderr, "synthgame: out of memory for %zu frames and %zu input events\n", frames_cap, inputs_cap);
		return 1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	atomic_store(&tid_main, gettid_long());

	self_dir(dir, sizeof(dir));
	if (cfg.input_hz > 0)
		start_injector(dir);
	else
		snprintf(why_input, sizeof(why_input), "off (--input-hz 0)");
	if (!strcmp(cfg.audio_device, "none"))
		snprintf(why_audio, sizeof(why_audio), "off (--audio-device none)");

	pthread_create(&render, NULL, render_main, NULL);
	while (!atomic_load(&render_ready))
		usleep(1000);
	/* the first frame time leaves the injector a moment to create its device */
	t_begin = sg_now_ns() + 200000000ull;
	t_end = t_begin + (uint64_t)(cfg.duration_s * 1e9);
	printf("synthgame: pid %d out %s\n", getpid(), cfg.out);
	fflush(stdout);

	pthread_create(&input, NULL, input_main, NULL);
	if (strcmp(cfg.audio_device, "none"))
		pthread_create(&audio, NULL, audio_main, NULL);
	for (long i = 0; i < cfg.assets; i++)
		pthread_create(&assets[i], NULL, asset_main, (void *)(intptr_t)i);
	for (long i = 0; i < cfg.shaders; i++)
		pthread_create(&shaders[i], NULL, shader_main, (void *)(intptr_t)i);
	atomic_store(&render_go, 1);

	pthread_join(render, NULL);
	atomic_store(&stop_flag, 1);
	pthread_join(input, NULL);
	if (strcmp(cfg.audio_device, "none"))
		pthread_join(audio, NULL);
	for (int i = 0; i < cfg.assets; i++)
		pthread_join(assets[i], NULL);
	for (int i = 0; i < cfg.shaders; i++)
		pthread_join(shaders[i], NULL);
	stop_injector(inject_line, sizeof(inject_line));

	input_n = atomic_load(&inputs_n);
	for (size_t i = 0; i < frames_n; i++)
		missed += (unsigned long)frames[i].missed;
	for (size_t i = 0; i < input_n; i++)
		latencies += inputs[i].present != 0;
	write_ground_truth(inject_line, input_n, missed, latencies);
	printf("synthgame: pid %d frames %zu missed %lu skipped %lu present %s input_events %zu presented %lu "
	       "audio_periods %lu underruns %zu drm_ioctls %lu\n",
	       getpid(), frames_n, missed, frames_skipped, present_api, input_n, latencies, audio_periods_written,
	       underruns_n, drm_ioctls);
	return 0;
}
