package dev.frameloop.collector.jna;

import com.sun.jna.Structure;

/** {@code struct bpf_uprobe_opts} as libbpf 1.1 declares it (x86-64 layout, 40 bytes). */
@Structure.FieldOrder({"sz", "ref_ctr_offset", "bpf_cookie", "retprobe", "func_name"})
public final class BpfUprobeOpts extends Structure {
    public long sz;
    public long ref_ctr_offset;
    public long bpf_cookie;
    public byte retprobe;
    /** Function to attach to; with func_offset 0 its entry. Library functions need the library's path. */
    public String func_name;

    public BpfUprobeOpts(String functionName, boolean returnProbe) {
        this(functionName, returnProbe, 0);
    }

    /** {@code cookie}: what {@code bpf_get_attach_cookie()} returns in the program for this attachment. */
    public BpfUprobeOpts(String functionName, boolean returnProbe, long cookie) {
        this.func_name = functionName;
        this.bpf_cookie = cookie;
        this.retprobe = (byte) (returnProbe ? 1 : 0);
        this.sz = size();
    }
}
