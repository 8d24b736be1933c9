// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Anchors every wire-format type of frameloop/events.h in this object's BTF.
 *
 * Nothing here runs. The Java layout check reads the .BTF section of events.bpf.o and
 * compares each struct and enum with its Java mirror; clang only emits BTF for types a
 * definition uses, so each type gets one global below (they live in .bss, which
 * llvm-strip -g keeps described in .BTF).
 */
/* bpftool 7.1's dump of the 7.2 kernel's BTF has anonymous members clang warns about */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wmissing-declarations"
#include "vmlinux.h"
#pragma clang diagnostic pop
#include <bpf/bpf_helpers.h>
#include "frameloop/events.h"

struct fl_event_header fl_btf_event_header;
struct fl_input_event fl_btf_input_event;
struct fl_process_event fl_btf_process_event;
struct fl_frame_timing_event fl_btf_frame_timing_event;
struct fl_gpu_submit_event fl_btf_gpu_submit_event;
struct fl_migration_event fl_btf_migration_event;
struct fl_thread_class_event fl_btf_thread_class_event;
struct fl_deadline_miss_event fl_btf_deadline_miss_event;
struct fl_task_stats_event fl_btf_task_stats_event;
struct fl_policy_applied_event fl_btf_policy_applied_event;
struct fl_policy_decision_event fl_btf_policy_decision_event;
struct fl_bench_record fl_btf_bench_record;
struct fl_bench_frame fl_btf_bench_frame;

enum fl_event_type fl_btf_event_type;
enum fl_event_version fl_btf_event_version;
enum fl_policy_action fl_btf_policy_action;
enum fl_policy_reason fl_btf_policy_reason;
enum fl_device_kind fl_btf_device_kind;
enum fl_process_action fl_btf_process_action;
enum fl_process_source fl_btf_process_source;
enum fl_frame_source fl_btf_frame_source;
enum fl_gpu_driver fl_btf_gpu_driver;
enum fl_gpu_submit_source fl_btf_gpu_submit_source;
enum fl_migration_reason fl_btf_migration_reason;
enum fl_migration_source fl_btf_migration_source;
enum fl_thread_class fl_btf_thread_class;
enum fl_detection_method fl_btf_detection_method;

char LICENSE[] SEC("license") = "Dual BSD/GPL";
