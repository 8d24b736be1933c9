// SPDX-License-Identifier: GPL-2.0
/*
 * uinput_mouse: a virtual mouse (/dev/uinput) that moves at a fixed rate, for the input probe's
 * tests. It creates the device (bus BUS_VIRTUAL, vendor 0xf1a0, product 0x0001, REL_X/REL_Y and
 * BTN_LEFT: a mouse by its capability bits), waits SETTLE_MS, then writes N moves at R Hz
 * (absolute CLOCK_MONOTONIC deadlines; after a late wakeup the schedule restarts from then
 * instead of catching up in a burst, so the rate never exceeds R), each an EV_REL REL_X +1 and
 * an EV_SYN SYN_REPORT: two input_event() calls in the kernel. At the end it prints
 *
 *   uinput_mouse: pid P tid T moves N rate_hz R events E late_max_us L
 *
 * (E = input events written = 2 N). Usage: uinput_mouse RATE_HZ MOVES [SETTLE_MS]
 * Build: cc -O2 -o uinput_mouse uinput_mouse.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <linux/uinput.h>

#define VENDOR 0xf1a0
#define PRODUCT 0x0001

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void sleep_until(uint64_t t)
{
	struct timespec ts = { .tv_sec = t / 1000000000ull, .tv_nsec = t % 1000000000ull };

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
}

static void die(const char *what)
{
	fprintf(stderr, "uinput_mouse: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void emit(int fd, int type, int code, int value)
{
	struct input_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = type;
	ev.code = code;
	ev.value = value;
	if (write(fd, &ev, sizeof(ev)) != sizeof(ev))
		die("write");
}

int main(int argc, char **argv)
{
	struct uinput_setup setup;
	long rate, moves, settle_ms;
	uint64_t period, next, late_max = 0;
	int fd;

	if (argc < 3) {
		fprintf(stderr, "usage: uinput_mouse RATE_HZ MOVES [SETTLE_MS]\n");
		return 2;
	}
	rate = atol(argv[1]);
	moves = atol(argv[2]);
	settle_ms = argc > 3 ? atol(argv[3]) : 500;
	if (rate <= 0 || moves <= 0) {
		fprintf(stderr, "uinput_mouse: RATE_HZ and MOVES must be positive\n");
		return 2;
	}
	fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK);
	if (fd < 0)
		die("open /dev/uinput");
	if (ioctl(fd, UI_SET_EVBIT, EV_KEY) || ioctl(fd, UI_SET_KEYBIT, BTN_LEFT) || ioctl(fd, UI_SET_EVBIT, EV_REL) ||
	    ioctl(fd, UI_SET_RELBIT, REL_X) || ioctl(fd, UI_SET_RELBIT, REL_Y))
		die("UI_SET_*");
	memset(&setup, 0, sizeof(setup));
	setup.id.bustype = BUS_VIRTUAL;
	setup.id.vendor = VENDOR;
	setup.id.product = PRODUCT;
	strcpy(setup.name, "frameloop test mouse");
	if (ioctl(fd, UI_DEV_SETUP, &setup) || ioctl(fd, UI_DEV_CREATE))
		die("UI_DEV_SETUP/UI_DEV_CREATE");
	usleep(settle_ms * 1000);

	period = 1000000000ull / rate;
	next = now_ns() + period;
	for (long i = 0; i < moves; i++) {
		uint64_t t;

		sleep_until(next);
		t = now_ns();
		if (t - next > late_max)
			late_max = t - next;
		emit(fd, EV_REL, REL_X, 1);
		emit(fd, EV_SYN, SYN_REPORT, 0);
		next = (t > next ? t : next) + period;
	}
	printf("uinput_mouse: pid %d tid %ld moves %ld rate_hz %ld events %ld late_max_us %llu\n", getpid(),
	       (long)syscall(SYS_gettid), moves, rate, 2 * moves, (unsigned long long)(late_max / 1000));
	fflush(stdout);
	ioctl(fd, UI_DEV_DESTROY);
	close(fd);
	return 0;
}
