package dev.frameloop.collector.sched;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.StructLayout;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.testing.HostRequirements;
import dev.frameloop.core.event.DetectionMethod;
import dev.frameloop.core.event.DeviceKind;
import dev.frameloop.core.event.ThreadClass;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The thread-class rules of {@code classify.bpf.h} (the ones gamer inlines), run in the kernel through
 * {@code classify_test.bpf.c} with BPF_PROG_TEST_RUN: needs root, not sched_ext. Defaults of the rules:
 * input hold and activity hold 500 ms, input windows mouse 1 ms, keyboard 4 ms, controller 2 ms.
 */
class ClassifyRulesHostTest {
    private static final long MS = 1_000_000L;
    private static final long NOW = 1_000_000 * MS;
    // struct bpf_test_run_opts (libbpf 1.1): sz, ..., ctx_in at 32, ctx_size_in at 48, retval at 56
    private static final int OPTS_SIZE = 80;

    private static BpfObject object;
    private static StructLayout layout;
    private static int programFd;

    @BeforeAll
    static void load() {
        HostRequirements.requireBpfPrivileges();
        object = BpfObject.openResource("classify_test");
        object.load();
        layout = object.btf().struct("fl_classify_case");
        programFd = object.program("classify_case").fd();
    }

    @AfterAll
    static void close() {
        if (object != null) {
            object.close();
        }
    }

    /** One run's inputs; fields default to "nothing happened". */
    private static final class Case {
        long lastEvdevRead;
        long lastDrmSubmit;
        long lastAlsa;
        long lastInputWakeup;
        int inputConfidence;
        ThreadClass before = ThreadClass.UNKNOWN;
        ThreadClass commMatch = ThreadClass.UNKNOWN;
        boolean game;
        ThreadClass policyRole = ThreadClass.UNKNOWN;
        boolean wakeup;
        boolean onInputPath;
        final long[] inputLast = new long[4];

        Case input(DeviceKind kind, long ago) {
            inputLast[kind.code()] = NOW - ago;
            return this;
        }
    }

    private record Decision(ThreadClass cls, DetectionMethod method, int confidence, int inputConfidence, long lastInputWakeup) {
    }

    private static Decision run(Case c) {
        try (Memory ctx = new Memory(layout.size()); Memory opts = new Memory(OPTS_SIZE)) {
            ctx.clear();
            opts.clear();
            ctx.setLong(at("now"), NOW);
            ctx.setLong(at("last_evdev_read_ns"), c.lastEvdevRead);
            ctx.setLong(at("last_drm_submit_ns"), c.lastDrmSubmit);
            ctx.setLong(at("last_alsa_ns"), c.lastAlsa);
            ctx.setLong(at("last_input_wakeup_ns"), c.lastInputWakeup);
            ctx.setShort(at("input_confidence"), (short) c.inputConfidence);
            ctx.setByte(at("cls"), (byte) c.before.code());
            ctx.setByte(at("comm_match"), (byte) c.commMatch.code());
            ctx.setByte(at("game"), (byte) (c.game ? 1 : 0));
            ctx.setByte(at("policy_role"), (byte) c.policyRole.code());
            ctx.setByte(at("wakeup"), (byte) (c.wakeup ? 1 : 0));
            ctx.setByte(at("on_input_path"), (byte) (c.onInputPath ? 1 : 0));
            for (int k = 0; k < c.inputLast.length; k++) {
                ctx.setLong(at("input_last_ns") + 8L * k, c.inputLast[k]);
            }
            opts.setLong(0, OPTS_SIZE);
            opts.setPointer(32, ctx);
            opts.setInt(48, layout.size());
            int rc = LibBpf.bpf_prog_test_run_opts(programFd, opts);
            assertEquals(0, rc, "BPF_PROG_TEST_RUN failed, errno " + Native.getLastError());
            assertEquals(0, opts.getInt(56), "classify_case found no input maps");
            return new Decision(ThreadClass.fromCode(ctx.getByte(at("out_cls")) & 0xFF),
                    DetectionMethod.fromCode(ctx.getByte(at("out_method")) & 0xFF),
                    ctx.getShort(at("out_confidence")) & 0xFFFF,
                    ctx.getShort(at("out_input_confidence")) & 0xFFFF,
                    ctx.getLong(at("out_last_input_wakeup_ns")));
        }
    }

    private static long at(String member) {
        return layout.member(member).offset();
    }

    @Test
    void shouldMakeAThreadWithoutEvidenceBackgroundWithoutClaimingADetection() {
        Decision d = run(new Case());

        assertEquals(ThreadClass.BACKGROUND, d.cls());
        assertEquals(DetectionMethod.UNKNOWN, d.method());
        assertEquals(500, d.confidence());
    }

    @Test
    void shouldSayInactivityWhenAClassedThreadLosesItsEvidence() {
        Case c = new Case();
        c.before = ThreadClass.RENDER;
        c.lastDrmSubmit = NOW - 501 * MS;

        assertEquals(new Decision(ThreadClass.BACKGROUND, DetectionMethod.INACTIVITY, 500, 0, 0), run(c));
    }

    @Test
    void shouldLetALivePolicyOverrideEveryHeuristic() {
        Case c = new Case();
        c.policyRole = ThreadClass.AUDIO;
        c.lastEvdevRead = NOW - MS;
        c.lastDrmSubmit = NOW - MS;
        c.commMatch = ThreadClass.COMPOSITOR;
        c.game = true;

        Decision d = run(c);

        assertEquals(ThreadClass.AUDIO, d.cls());
        assertEquals(DetectionMethod.POLICY, d.method());
        assertEquals(1000, d.confidence());
    }

    @Test
    void shouldRankEvidenceInputAudioRenderCompositorGame() {
        Case c = new Case();
        c.lastEvdevRead = NOW - 499 * MS;
        c.lastAlsa = NOW - MS;
        c.lastDrmSubmit = NOW - MS;
        c.commMatch = ThreadClass.COMPOSITOR;
        c.game = true;
        assertEquals(ThreadClass.INPUT, run(c).cls());
        assertEquals(DetectionMethod.EVDEV_READ, run(c).method());

        c.lastEvdevRead = NOW - 500 * MS; // the hold has passed
        assertEquals(ThreadClass.AUDIO, run(c).cls());
        assertEquals(DetectionMethod.ALSA_PCM, run(c).method());

        c.lastAlsa = 0;
        assertEquals(ThreadClass.RENDER, run(c).cls());
        assertEquals(DetectionMethod.DRM_SUBMIT, run(c).method());

        c.lastDrmSubmit = 0;
        assertEquals(new Decision(ThreadClass.COMPOSITOR, DetectionMethod.COMM_PATTERN, 800, 0, 0), run(c));

        c.commMatch = ThreadClass.UNKNOWN;
        assertEquals(new Decision(ThreadClass.GAME, DetectionMethod.GAME_PROCESS, 900, 0, 0), run(c));
    }

    @Test
    void shouldClassAThreadWokenInAMouseWindowAsInputWithLowConfidence() {
        Case c = new Case().input(DeviceKind.MOUSE, MS / 2);
        c.wakeup = true;

        assertEquals(new Decision(ThreadClass.INPUT, DetectionMethod.INPUT_WAKEUP, 400, 400, NOW), run(c));
    }

    @Test
    void shouldOpenAWindowPerDeviceKind() {
        Case mouseTooLate = new Case().input(DeviceKind.MOUSE, 2 * MS);
        mouseTooLate.wakeup = true;
        Case keyboard = new Case().input(DeviceKind.KEYBOARD, 3 * MS);
        keyboard.wakeup = true;
        Case controller = new Case().input(DeviceKind.CONTROLLER, 3 * MS);
        controller.wakeup = true;
        Case unknownDevice = new Case().input(DeviceKind.UNKNOWN, 0);
        unknownDevice.wakeup = true;

        assertEquals(ThreadClass.BACKGROUND, run(mouseTooLate).cls());
        assertEquals(ThreadClass.INPUT, run(keyboard).cls());
        assertEquals(ThreadClass.BACKGROUND, run(controller).cls());
        assertEquals(ThreadClass.BACKGROUND, run(unknownDevice).cls(), "events of unclassified devices open no window");
    }

    @Test
    void shouldNotCountAnInputWindowForAThreadThatWasNotWoken() {
        Case c = new Case().input(DeviceKind.MOUSE, 0);

        assertEquals(ThreadClass.BACKGROUND, run(c).cls());
    }

    @Test
    void shouldTrustAWakeupInsideInputEventMost() {
        Case c = new Case();
        c.wakeup = true;
        c.onInputPath = true;

        assertEquals(new Decision(ThreadClass.INPUT, DetectionMethod.INPUT_WAKEUP, 900, 900, NOW), run(c));
    }

    @Test
    void shouldKeepTheHighConfidenceOfARecentWakeupOnTheInputPath() {
        Case c = new Case().input(DeviceKind.MOUSE, 0);
        c.wakeup = true;
        c.lastInputWakeup = NOW - 100 * MS;
        c.inputConfidence = 900;

        assertEquals(900, run(c).confidence());

        c.lastInputWakeup = NOW - 600 * MS; // past the hold: this wakeup stands alone
        assertEquals(400, run(c).confidence());
    }

    @Test
    void shouldHoldTheInputClassAfterTheLastInputWakeupThenLetItGo() {
        Case held = new Case();
        held.lastInputWakeup = NOW - 499 * MS;
        held.inputConfidence = 400;
        Case released = new Case();
        released.before = ThreadClass.INPUT;
        released.lastInputWakeup = NOW - 500 * MS;
        released.inputConfidence = 400;

        assertEquals(new Decision(ThreadClass.INPUT, DetectionMethod.INPUT_WAKEUP, 400, 400, NOW - 499 * MS), run(held));
        assertEquals(new Decision(ThreadClass.BACKGROUND, DetectionMethod.INACTIVITY, 500, 400, NOW - 500 * MS), run(released));
    }
}
