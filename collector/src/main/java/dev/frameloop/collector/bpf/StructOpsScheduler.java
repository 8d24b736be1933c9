package dev.frameloop.collector.bpf;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.frameloop.collector.jna.LibBpf;

import java.util.Optional;

/**
 * A sched_ext scheduler in a BPF object: its {@code SEC(".struct_ops")} map, the global its
 * {@code ops.exit} fills ({@code struct fl_exit_info}, see bpf/include/frameloop/scx.bpf.h), and the
 * link that keeps it registered.
 *
 * <p>Registration is link-based: the ops map is created with {@code BPF_F_LINK} and registered by
 * {@code bpf_link_create(BPF_STRUCT_OPS)}, so the kernel unregisters the scheduler when the link's
 * last fd closes — also when this process is killed. (A plain {@code bpf_map__attach_struct_ops}
 * registration outlives its process; libbpf 1.1 has no {@code .struct_ops.link} to ask for a link.)
 *
 * <p>Callbacks in sections starting with {@value #SLEEPABLE_SECTION_PREFIX} are loaded sleepable.
 */
public final class StructOpsScheduler implements AutoCloseable {
    /** Section prefix of callbacks that must be sleepable (scx.bpf.h's SCX_OPS_SLEEPABLE). */
    public static final String SLEEPABLE_SECTION_PREFIX = "struct_ops/sleepable/";
    /** Data section holding the exit record. */
    static final String EXIT_SECTION = ".bss";

    private final BpfObject object;
    private final String opsMapName;
    private final String exitVariable;
    private BpfLink link;

    private StructOpsScheduler(BpfObject object, String opsMapName, String exitVariable) {
        this.object = object;
        this.opsMapName = opsMapName;
        this.exitVariable = exitVariable;
    }

    /**
     * Prepares an opened, not yet loaded object: marks sleepable callbacks and makes the ops map
     * link-based. Takes ownership of the object (closing the scheduler closes it).
     *
     * @param opsMapName   the struct_ops variable's name, e.g. "gamer_ops"
     * @param exitVariable the {@code struct fl_exit_info} global in .bss, e.g. "gamer_exit"
     */
    public static StructOpsScheduler prepare(BpfObject object, String opsMapName, String exitVariable) {
        BpfMap ops = object.map(opsMapName);
        if (ops.type() != LibBpf.BPF_MAP_TYPE_STRUCT_OPS) {
            throw new IllegalArgumentException(object.name() + ".bpf.o: map " + opsMapName + " is not a struct_ops map");
        }
        object.btf().global(EXIT_SECTION, exitVariable); // fail fast on a wrong name
        for (BpfProgram p : object.programs()) {
            if (p.sectionName().startsWith(SLEEPABLE_SECTION_PREFIX)) {
                p.setSleepable();
            }
        }
        ops.setMapFlags(LibBpf.BPF_F_LINK);
        return new StructOpsScheduler(object, opsMapName, exitVariable);
    }

    public BpfObject object() {
        return object;
    }

    /** Loads the object (verifier runs here). */
    public void load() {
        object.load();
    }

    /**
     * Registers the scheduler with the kernel; sched_ext switches tasks to it before this returns.
     *
     * @throws BpfException e.g. EBUSY when another scheduler is registered, or the errno of a failed
     *                      {@code ops.init}; the message then carries the scheduler's own exit record
     */
    public void attach() {
        if (link != null && link.isOpen()) {
            throw new IllegalStateException(object.name() + " is already attached");
        }
        BpfMap ops = object.map(opsMapName);
        String what = "registering sched_ext scheduler " + object.name();
        try (LibbpfLog.Capture log = LibbpfLog.capture()) {
            // With BPF_F_LINK this only writes the program fds into the map value; it registers nothing.
            Pointer staging = LibBpf.bpf_map__attach_struct_ops(ops.handleForAttach());
            if (staging == null) {
                throw new BpfException(what + " (writing " + opsMapName + ")", Native.getLastError(), log.text());
            }
            LibBpf.bpf_link__disconnect(staging);
            LibBpf.bpf_link__destroy(staging);
            int fd = LibBpf.bpf_link_create(ops.fd(), 0, LibBpf.BPF_STRUCT_OPS, null);
            if (fd < 0) {
                String exit = exitInfo().map(e -> "; the scheduler exited with " + e.describe()).orElse("");
                throw new BpfException(what + exit, fd, log.text());
            }
            link = object.own(BpfLink.ofFd(fd, opsMapName));
        }
    }

    /** The fd of the link that keeps the scheduler registered (pin it to outlive this process). */
    public int linkFd() {
        if (!isAttached()) {
            throw new IllegalStateException(object.name() + " is not attached");
        }
        return link.fd();
    }

    public boolean isAttached() {
        return link != null && link.isOpen();
    }

    /** Unregisters the scheduler (the kernel switches tasks back to the fair class before this returns). Idempotent. */
    public void detach() {
        if (link != null) {
            link.close();
        }
    }

    /** The exit record, once the scheduler's {@code ops.exit} ran (empty before). */
    public Optional<SchedulerExitInfo> exitInfo() {
        ObjectBtf btf = object.btf();
        ObjectBtf.GlobalVariable v = btf.global(EXIT_SECTION, exitVariable);
        StructView exit = object.readGlobal(EXIT_SECTION, exitVariable).as(btf.struct(v.typeId()));
        long kind = exit.u32("kind");
        if (kind == ExitKind.NONE.code()) {
            return Optional.empty();
        }
        return Optional.of(new SchedulerExitInfo(kind, exit.s64("exit_code"), exit.s32("exit_cpu"),
                exit.string("reason"), exit.string("msg")));
    }

    /** Detaches if attached, then closes the object. */
    @Override
    public void close() {
        try {
            detach();
        } finally {
            object.close();
        }
    }
}
