/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Input probe: one struct fl_input_event per input_event() call (every EV_KEY, EV_REL, EV_ABS,
 * EV_SYN... a device reports, whoever reads it), into the ring set fl_rbs_input (16 shards by
 * default, shard = CPU % shards). The device kind comes from its capability bits.
 *
 * Programs: fl_input_fentry fentry/input_event (the event; opens the kind's input boost
 * window in fl_input and marks the input path on this CPU) with fl_input_fexit
 * fexit/input_event (leaves the path). There is no tracepoint for input events: without fentry
 * the collector reports input as unavailable.
 *
 * Written without waking the reader unless the shard fills (rings.bpf.h, "Wakeups"): mice
 * report at up to 8 kHz, and a wakeup costs a hundred times the record.
 */
#ifndef FRAMELOOP_PROBES_INPUT_BPF_H
#define FRAMELOOP_PROBES_INPUT_BPF_H

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "frameloop/events.h"
#include "frameloop/rings.bpf.h"
#include "frameloop/emit.bpf.h"
#include "frameloop/threads.bpf.h"

FL_RING_SET(fl_rbs_input, 16, 64 * 1024);

/* input-event-codes.h */
#define FL_EV_KEY 0x01
#define FL_EV_REL 0x02
#define FL_REL_X 0x00
#define FL_REL_Y 0x01
#define FL_KEY_Q 16
#define FL_KEY_A 30
#define FL_KEY_Z 44
#define FL_BTN_LEFT 0x110
#define FL_BTN_JOYSTICK 0x120
#define FL_BTN_GAMEPAD 0x130

/* Bit n % 64 of word w: the caller picks the word (n / 64) so that only the words the kinds need are read. */
static __always_inline bool fl_bit(unsigned long word, __u32 n)
{
	return (word >> (n % 64)) & 1;
}

/* enum fl_device_kind of a device: controller (gamepad/joystick buttons), mouse (REL_X, REL_Y and BTN_LEFT),
 * keyboard (letter keys), unknown otherwise. Direct loads (dev is the traced call's own argument): the keys the
 * kinds need sit in keybit words 0 (KEY_Q/A/Z) and 4 (BTN_LEFT, BTN_JOYSTICK, BTN_GAMEPAD). */
static __always_inline __u8 fl_input_device_kind(struct input_dev *dev)
{
	unsigned long ev = dev->evbit[0];
	unsigned long rel = dev->relbit[0];
	unsigned long letters = dev->keybit[FL_KEY_Q / 64];
	unsigned long buttons = dev->keybit[FL_BTN_LEFT / 64];

	_Static_assert(FL_KEY_Q / 64 == FL_KEY_Z / 64 && FL_KEY_A / 64 == FL_KEY_Q / 64, "letters in one word");
	_Static_assert(FL_BTN_LEFT / 64 == FL_BTN_GAMEPAD / 64 && FL_BTN_JOYSTICK / 64 == FL_BTN_LEFT / 64,
		       "buttons in one word");
	if (!(ev & (1UL << FL_EV_KEY)))
		return FL_DEVICE_UNKNOWN;
	if (fl_bit(buttons, FL_BTN_GAMEPAD) || fl_bit(buttons, FL_BTN_JOYSTICK))
		return FL_DEVICE_CONTROLLER;
	if ((ev & (1UL << FL_EV_REL)) && (rel & (1UL << FL_REL_X)) && (rel & (1UL << FL_REL_Y)) &&
	    fl_bit(buttons, FL_BTN_LEFT))
		return FL_DEVICE_MOUSE;
	if (fl_bit(letters, FL_KEY_Q) && fl_bit(letters, FL_KEY_A) && fl_bit(letters, FL_KEY_Z))
		return FL_DEVICE_KEYBOARD;
	return FL_DEVICE_UNKNOWN;
}

/* N of the device's name "inputN" (its /sys/class/input/inputN), 0xffffffff when it has another name. */
static __always_inline __u32 fl_input_device_id(struct input_dev *dev)
{
	char name[16] = {};
	__u32 id = 0;

	if (bpf_probe_read_kernel_str(name, sizeof(name), BPF_CORE_READ(dev, dev.kobj.name)) < 7)
		return 0xffffffff;
	if (name[0] != 'i' || name[1] != 'n' || name[2] != 'p' || name[3] != 'u' || name[4] != 't')
		return 0xffffffff;
	for (int i = 5; i < 16; i++) {
		char c = name[i];

		if (!c)
			break;
		if (c < '0' || c > '9')
			return 0xffffffff;
		id = id * 10 + (c - '0');
	}
	return id;
}

SEC("fentry/input_event")
int BPF_PROG(fl_input_fentry, struct input_dev *dev, unsigned int type, unsigned int code, int value)
{
	struct fl_input_event *e;
	__u64 now = bpf_ktime_get_ns();
	__u8 kind = fl_input_device_kind(dev);

	fl_input_path_enter(kind);
	if (kind != FL_DEVICE_UNKNOWN)
		fl_input_note(kind, now);
	e = fl_ring_set_reserve(&fl_rbs_input, FL_EVENT_INPUT, sizeof(*e));
	if (!e)
		return 0;
	fl_event_header_init(&e->header, FL_EVENT_INPUT, FL_EVENT_VERSION_INPUT, sizeof(*e), now);
	e->device_id = fl_input_device_id(dev);
	e->ev_value = value;
	e->ev_type = type;
	e->ev_code = code;
	e->bustype = dev->id.bustype;
	e->vendor = dev->id.vendor;
	e->product = dev->id.product;
	e->device_kind = kind;
	e->pad0 = 0;
	e->pad1 = 0;
	fl_submit_batched(e, FL_EVENT_INPUT);
	return 0;
}

SEC("fexit/input_event")
int BPF_PROG(fl_input_fexit)
{
	fl_input_path_exit();
	return 0;
}

#endif /* FRAMELOOP_PROBES_INPUT_BPF_H */
