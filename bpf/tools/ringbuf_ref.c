// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * ringbuf_ref: the reference consumer of `frameloop bench ring`. It reads the benchmark
 * ring (struct fl_bench_record records) with libbpf's own consumer, ring_buffer__consume
 * and ring_buffer__poll, so the Java reader is measured against libbpf on the same ring,
 * fed by the same producer, in the same run.
 *
 * Usage: ringbuf_ref PINNED_RING_MAP
 *   The ring map is pinned in bpffs by the Java side, which loads bench.bpf.o and runs the
 *   producer. Commands come one per line on stdin; each answer is one line on stdout:
 *     drain N            ring_buffer__consume until N records were seen; answers
 *                        "drained records=N ns=WALL cpu_ns=CPU order_errors=E" (CPU: this
 *                        thread's CPU time, steadier than WALL on a loaded machine)
 *     poll N TIMEOUT_MS FILE
 *                        answers "polling", then ring_buffer__poll(TIMEOUT_MS) until N
 *                        records were seen or a poll times out; writes each record's latency
 *                        (CLOCK_MONOTONIC now - timestamp_ns, in ns, int64 native order) to
 *                        FILE and answers "polled records=N ns=WALL cpu_ns=CPU order_errors=E"
 *     quit
 *   Errors are one line "error: ..." on stdout, exit status 1.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "frameloop/events.h"

struct state {
	uint64_t seen;
	uint64_t expected_seq;
	uint64_t order_errors;
	int64_t *latencies; /* NULL when not measuring latency */
	uint64_t capacity;
};

static uint64_t now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int on_record(void *ctx, void *data, size_t size)
{
	struct state *s = ctx;
	const struct fl_bench_record *rec = data;

	if (size < sizeof(*rec))
		return -EINVAL;
	if (s->seen > 0 && rec->seq != s->expected_seq)
		s->order_errors++;
	s->expected_seq = rec->seq + 1;
	if (s->latencies && s->seen < s->capacity)
		s->latencies[s->seen] = (int64_t)(now_ns(CLOCK_MONOTONIC) - rec->timestamp_ns);
	s->seen++;
	return 0;
}

static int fail(const char *what, int err)
{
	printf("error: %s: %s\n", what, strerror(err < 0 ? -err : err));
	fflush(stdout);
	return 1;
}

int main(int argc, char **argv)
{
	struct state s = {0};
	struct ring_buffer *rb;
	char line[4096];
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: %s PINNED_RING_MAP\n", argv[0]);
		return 2;
	}
	fd = bpf_obj_get(argv[1]);
	if (fd < 0)
		return fail("opening the pinned ring map", errno);
	rb = ring_buffer__new(fd, on_record, &s, NULL);
	if (!rb)
		return fail("ring_buffer__new", errno);
	printf("ready\n");
	fflush(stdout);

	while (fgets(line, sizeof(line), stdin)) {
		unsigned long long n;
		int timeout_ms;
		char path[2048];

		if (sscanf(line, "drain %llu", &n) == 1) {
			uint64_t start, cpu_start, wall, cpu;
			int rc = 0;

			s.seen = 0;
			s.order_errors = 0;
			s.latencies = NULL;
			cpu_start = now_ns(CLOCK_THREAD_CPUTIME_ID);
			start = now_ns(CLOCK_MONOTONIC);
			while (s.seen < n && (rc = ring_buffer__consume(rb)) >= 0)
				;
			wall = now_ns(CLOCK_MONOTONIC) - start;
			cpu = now_ns(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
			if (rc < 0)
				return fail("ring_buffer__consume", rc);
			printf("drained records=%llu ns=%llu cpu_ns=%llu order_errors=%llu\n", (unsigned long long)s.seen,
			       (unsigned long long)wall, (unsigned long long)cpu, (unsigned long long)s.order_errors);
		} else if (sscanf(line, "poll %llu %d %2047s", &n, &timeout_ms, path) == 3) {
			uint64_t start, cpu_start;
			FILE *out;
			int rc;

			s.seen = 0;
			s.order_errors = 0;
			s.capacity = n;
			s.latencies = calloc(n ? n : 1, sizeof(*s.latencies));
			if (!s.latencies)
				return fail("allocating the latency buffer", ENOMEM);
			printf("polling\n");
			fflush(stdout);
			start = now_ns(CLOCK_MONOTONIC);
			cpu_start = now_ns(CLOCK_THREAD_CPUTIME_ID);
			uint64_t last_progress = start;
			while (s.seen < n) {
				rc = ring_buffer__poll(rb, timeout_ms);
				if (rc < 0 && rc != -EINTR)
					return fail("ring_buffer__poll", rc);
				if (rc > 0)
					last_progress = now_ns(CLOCK_MONOTONIC);
				else if (now_ns(CLOCK_MONOTONIC) - last_progress >= (uint64_t)timeout_ms * 1000000ull)
					break; /* the producer stopped */
			}
			uint64_t cpu = now_ns(CLOCK_THREAD_CPUTIME_ID) - cpu_start;
			uint64_t wall = now_ns(CLOCK_MONOTONIC) - start;
			out = fopen(path, "wb");
			if (!out)
				return fail(path, errno);
			if (fwrite(s.latencies, sizeof(*s.latencies), s.seen, out) != s.seen || fclose(out) != 0)
				return fail(path, errno);
			free(s.latencies);
			s.latencies = NULL;
			printf("polled records=%llu ns=%llu cpu_ns=%llu order_errors=%llu\n", (unsigned long long)s.seen,
			       (unsigned long long)wall, (unsigned long long)cpu, (unsigned long long)s.order_errors);
		} else if (strncmp(line, "quit", 4) == 0) {
			break;
		} else {
			printf("error: unknown command: %s", line);
		}
		fflush(stdout);
	}
	ring_buffer__free(rb);
	return 0;
}
