// SPDX-License-Identifier: GPL-2.0
/*
 * frame_loop: a game's main loop reduced to its timing. Every 1/fps s it wakes at an absolute
 * CLOCK_MONOTONIC frame time (clock_nanosleep TIMER_ABSTIME), burns --work-us of CPU, and goes
 * back to sleep. It measures how late each wakeup was and prints one summary line at the end:
 *
 *   frame_loop: pid P tid T fps F frames N late_1ms A late_4ms B late_16ms C max_late_us M skipped S
 *
 * (late_X: wakeups later than X after their frame time; skipped: frame times that had already
 * passed when the loop got to them, after a wakeup later than a whole frame). The first line it
 * prints, before the loop, is "frame_loop: pid P tid T". Build: cc -O2 -o frame_loop frame_loop.c
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void sleep_until(uint64_t t)
{
	struct timespec ts = { .tv_sec = t / 1000000000ull, .tv_nsec = t % 1000000000ull };

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL))
		;
}

static long option(int argc, char **argv, const char *name, long fallback)
{
	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], name))
			return strtol(argv[i + 1], NULL, 10);
	return fallback;
}

int main(int argc, char **argv)
{
	long fps = option(argc, argv, "--fps", 60);
	long seconds = option(argc, argv, "--seconds", 10);
	long work_us = option(argc, argv, "--work-us", 2000);
	uint64_t period, next, end;
	unsigned long frames = 0, late1 = 0, late4 = 0, late16 = 0, skipped = 0;
	uint64_t max_late = 0;
	volatile uint64_t sink = 0;

	if (fps <= 0 || seconds <= 0 || work_us < 0) {
		fprintf(stderr, "usage: frame_loop [--fps N] [--seconds S] [--work-us U]\n");
		return 2;
	}
	period = 1000000000ull / (uint64_t)fps;
	printf("frame_loop: pid %d tid %ld\n", getpid(), (long)syscall(SYS_gettid));
	fflush(stdout);

	next = now_ns() + period;
	end = next + (uint64_t)seconds * (uint64_t)fps * period; /* exactly seconds * fps frame times */
	while (next < end) {
		uint64_t woke, late, stop;

		sleep_until(next);
		woke = now_ns();
		late = woke - next;
		frames++;
		if (late > 1000000ull)
			late1++;
		if (late > 4000000ull)
			late4++;
		if (late > 16000000ull)
			late16++;
		if (late > max_late)
			max_late = late;
		stop = woke + (uint64_t)work_us * 1000ull;
		while (now_ns() < stop)
			sink++;
		next += period;
		while (next < now_ns() && next < end) { /* frame times past the end are not the loop's */
			next += period;
			skipped++;
		}
	}
	printf("frame_loop: pid %d tid %ld fps %ld frames %lu late_1ms %lu late_4ms %lu late_16ms %lu max_late_us %llu skipped %lu\n",
	       getpid(), (long)syscall(SYS_gettid), fps, frames, late1, late4, late16,
	       (unsigned long long)(max_late / 1000), skipped);
	return 0;
}
