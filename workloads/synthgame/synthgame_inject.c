// SPDX-License-Identifier: GPL-2.0
/*
 * synthgame-inject: a virtual mouse on /dev/uinput that moves by one unit on REL_X at a fixed
 * rate (125 Hz ... 8 kHz), each move an EV_REL + EV_SYN pair, at absolute CLOCK_MONOTONIC times.
 * synthgame starts it and reads the device it creates; it can also be run by hand.
 * On exit (duration over, SIGTERM or SIGINT) it prints one line:
 *
 *   synthgame-inject: name NAME rate HZ events N late_1ms L
 *
 * (events: moves written; late_1ms: moves written more than 1 ms after their time).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <linux/uinput.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "synthgame_common.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: synthgame-inject [--rate HZ] [--duration S] [--name NAME]\n"
		"Creates a virtual mouse on /dev/uinput and moves it (EV_REL REL_X 1 + EV_SYN) HZ times a second.\n"
		"  --rate HZ       moves per second, 1..8000 (default 1000)\n"
		"  --duration S    seconds to run, 0 = until SIGTERM/SIGINT (default 0)\n"
		"  --name NAME     the device name (default \"%s\")\n"
		"  --times-fd FD   a shared memory file (memfd) of 64-bit words: word 0, the count of moves written;\n"
		"                  word 1, a start flag: no move before the reader sets it to 1; word 2+k, the\n"
		"                  CLOCK_MONOTONIC ns just before move k was written\n"
		"  --help          this text\n", SYNTHGAME_INJECT_DEFAULT_NAME);
}

static int emit(int fd, uint16_t type, uint16_t code, int32_t value)
{
	struct input_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = type;
	ev.code = code;
	ev.value = value;
	return write(fd, &ev, sizeof(ev)) == (ssize_t)sizeof(ev) ? 0 : -1;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "rate", required_argument, NULL, 'r' },
		{ "duration", required_argument, NULL, 'd' },
		{ "name", required_argument, NULL, 'n' },
		{ "times-fd", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	long rate = 1000;
	double duration = 0;
	const char *name = SYNTHGAME_INJECT_DEFAULT_NAME;
	struct uinput_setup setup;
	unsigned long events = 0, late = 0;
	uint64_t period, next, end;
	int opt, fd, times_fd = -1;
	volatile uint64_t *times = NULL;
	size_t times_cap = 0;

	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'r': rate = strtol(optarg, NULL, 10); break;
		case 'd': duration = strtod(optarg, NULL); break;
		case 'n': name = optarg; break;
		case 't': times_fd = (int)strtol(optarg, NULL, 10); break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc || rate < 1 || rate > 8000 || duration < 0) {
		usage(stderr);
		return 2;
	}

	if (times_fd >= 0) {
		struct stat st;

		if (fstat(times_fd, &st) || st.st_size < (off_t)(2 * sizeof(uint64_t)) ||
		    (times = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, times_fd, 0)) == MAP_FAILED) {
			fprintf(stderr, "synthgame-inject: --times-fd %d: %s\n", times_fd, strerror(errno));
			return 1;
		}
		times_cap = (size_t)st.st_size / sizeof(uint64_t) - 2;
	}
	fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "synthgame-inject: open /dev/uinput: %s (load the uinput module; needs root)\n", strerror(errno));
		return 1;
	}
	if (ioctl(fd, UI_SET_EVBIT, EV_REL) || ioctl(fd, UI_SET_RELBIT, REL_X) || ioctl(fd, UI_SET_RELBIT, REL_Y) ||
	    ioctl(fd, UI_SET_EVBIT, EV_KEY) || ioctl(fd, UI_SET_KEYBIT, BTN_LEFT)) {
		fprintf(stderr, "synthgame-inject: uinput setup: %s\n", strerror(errno));
		return 1;
	}
	memset(&setup, 0, sizeof(setup));
	setup.id.bustype = BUS_VIRTUAL;
	setup.id.vendor = 0x5347; /* "SG" */
	setup.id.product = 0x0001;
	snprintf(setup.name, sizeof(setup.name), "%s", name);
	if (ioctl(fd, UI_DEV_SETUP, &setup) || ioctl(fd, UI_DEV_CREATE)) {
		fprintf(stderr, "synthgame-inject: creating the uinput device: %s\n", strerror(errno));
		return 1;
	}
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);

	while (times && !stop && !__atomic_load_n(&times[1], __ATOMIC_ACQUIRE))
		usleep(1000);
	period = 1000000000ull / (uint64_t)rate;
	next = sg_now_ns() + period;
	end = duration > 0 ? next + (uint64_t)(duration * 1e9) : UINT64_MAX;
	while (!stop && next < end) {
		sg_sleep_until(next);
		if (stop)
			break;
		if (times && events < times_cap)
			times[2 + events] = sg_now_ns();
		if (emit(fd, EV_REL, REL_X, 1) || emit(fd, EV_SYN, SYN_REPORT, 0)) {
			if (errno == EAGAIN)
				continue;
			fprintf(stderr, "synthgame-inject: write: %s\n", strerror(errno));
			break;
		}
		events++;
		if (times)
			__atomic_store_n(&times[0], (uint64_t)events, __ATOMIC_RELEASE);
		if (sg_now_ns() > next + 1000000ull)
			late++;
		next += period;
	}
	ioctl(fd, UI_DEV_DESTROY);
	close(fd);
	printf("synthgame-inject: name %s rate %ld events %lu late_1ms %lu\n", name, rate, events, late);
	return 0;
}
