package dev.frameloop.collector.bpf;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.frameloop.collector.jna.BpfUprobeOpts;
import dev.frameloop.collector.jna.LibBpf;

/** One program of a {@link BpfObject}: a view, valid while the object is open. */
public final class BpfProgram {
    private final BpfObject owner;
    private final Pointer program;

    BpfProgram(BpfObject owner, Pointer program) {
        this.owner = owner;
        this.program = program;
    }

    /** The C function name. */
    public String name() {
        owner.handle();
        return LibBpf.bpf_program__name(program);
    }

    /** The ELF section, which tells libbpf the program type and attach point ("tp_btf/sched_switch"). */
    public String sectionName() {
        owner.handle();
        return LibBpf.bpf_program__section_name(program);
    }

    /** Whether {@link BpfObject#load()} loads this program (default true). Before load only. */
    public void setAutoload(boolean autoload) {
        owner.requireNotLoaded("setting autoload of " + name());
        check("setting autoload of " + name(), LibBpf.bpf_program__set_autoload(program, autoload));
    }

    /** Marks the program sleepable ({@code BPF_F_SLEEPABLE}), what libbpf 1.1 cannot derive from a struct_ops section. Before load only. */
    public void setSleepable() {
        owner.requireNotLoaded("marking " + name() + " sleepable");
        int flags = LibBpf.bpf_program__flags(program);
        check("marking " + name() + " sleepable", LibBpf.bpf_program__set_flags(program, flags | LibBpf.BPF_F_SLEEPABLE));
    }

    public boolean isSleepable() {
        owner.handle();
        return (LibBpf.bpf_program__flags(program) & LibBpf.BPF_F_SLEEPABLE) != 0;
    }

    /** Whether the kernel loaded this program (its object is loaded and its autoload was on). */
    public boolean isLoaded() {
        owner.handle();
        return owner.isLoaded() && LibBpf.bpf_program__fd(program) >= 0;
    }

    /** The program's fd once loaded. */
    public int fd() {
        owner.requireLoaded("the fd of " + name());
        int fd = LibBpf.bpf_program__fd(program);
        check("getting the fd of " + name(), fd);
        return fd;
    }

    /** Attaches where the section says (tp_btf, fentry, lsm, ...). The link is owned by the object too. */
    public BpfLink attach() {
        owner.requireLoaded("attaching " + name());
        String what = "attaching " + name() + " (" + sectionName() + ")";
        try (LibbpfLog.Capture log = LibbpfLog.capture()) {
            Pointer link = LibBpf.bpf_program__attach(program);
            if (link == null) {
                throw new BpfException(what, Native.getLastError(), log.text());
            }
            return owner.own(BpfLink.ofLibbpf(link, name()));
        }
    }

    /**
     * Attaches a uprobe program to the entry of {@code function} in the ELF file {@code binary},
     * in process {@code pid} only (-1: every process that maps the file).
     */
    public BpfLink attachUprobe(int pid, String binary, String function) {
        return attachUprobe(pid, binary, function, false, 0);
    }

    /**
     * As {@link #attachUprobe(int, String, String)}, at the function's entry or (returnProbe) its returns, with a
     * cookie the program reads with {@code bpf_get_attach_cookie()}.
     */
    public BpfLink attachUprobe(int pid, String binary, String function, boolean returnProbe, long cookie) {
        owner.requireLoaded("attaching " + name());
        String what = "attaching " + (returnProbe ? "uretprobe " : "uprobe ") + name() + " to " + binary + ":" + function;
        try (LibbpfLog.Capture log = LibbpfLog.capture()) {
            Pointer link = LibBpf.bpf_program__attach_uprobe_opts(program, pid, binary, 0,
                    new BpfUprobeOpts(function, returnProbe, cookie));
            if (link == null) {
                throw new BpfException(what, Native.getLastError(), log.text());
            }
            return owner.own(BpfLink.ofLibbpf(link, name() + " on " + binary + ":" + function));
        }
    }

    private static void check(String what, int rc) {
        if (rc < 0) {
            throw new BpfException(what, rc, "");
        }
    }

    @Override
    public String toString() {
        return name() + " (" + sectionName() + ")";
    }
}
