package dev.frameloop.collector.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code struct bpf_object_open_opts} as libbpf 1.1 declares it (x86-64 layout, 80 bytes).
 * {@code sz} is set to this structure's size; libbpf accepts smaller and larger sizes as long as
 * the bytes it does not know are zero.
 */
@Structure.FieldOrder({"sz", "object_name", "relaxed_maps", "pin_root_path", "attach_prog_fd_stub",
        "kconfig", "btf_custom_path", "kernel_log_buf", "kernel_log_size", "kernel_log_level"})
public final class BpfObjectOpenOpts extends Structure {
    public long sz;
    /** Object name override; for open_mem it replaces the default "&lt;addr&gt;-&lt;size&gt;" and prefixes internal map names. */
    public String object_name;
    public byte relaxed_maps;
    public Pointer pin_root_path;
    /** {@code __u32 :32}, the removed attach_prog_fd. */
    public int attach_prog_fd_stub;
    public Pointer kconfig;
    public Pointer btf_custom_path;
    public Pointer kernel_log_buf;
    public long kernel_log_size;
    public int kernel_log_level;

    public BpfObjectOpenOpts(String objectName) {
        this.object_name = objectName;
        this.sz = size();
    }
}
