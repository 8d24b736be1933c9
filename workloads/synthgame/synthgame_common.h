/* SPDX-License-Identifier: GPL-2.0 */
/* What synthgame and synthgame-inject share: the clock and the injector's device name. */
#ifndef SYNTHGAME_COMMON_H
#define SYNTHGAME_COMMON_H

#include <stdint.h>
#include <time.h>

#define SYNTHGAME_INJECT_DEFAULT_NAME "synthgame-inject mouse"

/* CLOCK_MONOTONIC in ns: the clock of bpf_ktime_get_ns() and of evdev timestamps after EVIOCSCLOCKID. */
static inline uint64_t sg_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Sleeps until absolute CLOCK_MONOTONIC time t; returns early only when a signal interrupts it. */
static inline void sg_sleep_until(uint64_t t)
{
	struct timespec ts = { .tv_sec = (time_t)(t / 1000000000ull), .tv_nsec = (long)(t % 1000000000ull) };

	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
}

#endif
