package dev.frameloop.collector.jna;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

import java.nio.Buffer;

/**
 * Direct-mapped binding to libbpf ({@code libbpf.so.1}, written against 1.1.2, Debian 12's).
 *
 * <p>The library is loaded lazily: nothing happens until {@link #isAvailable()} or
 * {@link #requireAvailable()} is called, and calling a native method before that throws
 * {@link UnsatisfiedLinkError}. A machine without libbpf therefore gets a message, not a
 * {@link NoClassDefFoundError}.
 *
 * <p>Return conventions (libbpf 1.x, "strict mode", the only mode of 1.0 and later):
 * functions returning {@code int} return 0 or a non-negative fd/value on success and a
 * negative errno on failure (errno is also set); functions returning a pointer return
 * {@code NULL} on failure with errno set, which {@link Native#getLastError()} reads
 * right after the call (JNA preserves errno per thread).
 *
 * <p>Opaque libbpf objects ({@code struct bpf_object}, {@code bpf_map}, {@code bpf_program},
 * {@code bpf_link}, {@code btf}) are plain {@link Pointer}s here; their owners live in
 * {@code dev.frameloop.collector.bpf}.
 */
public final class LibBpf {
    /** The soname of the library, as Debian's {@code libbpf1} package installs it. */
    public static final String LIBRARY = "libbpf.so.1";

    /** {@code enum libbpf_print_level}. */
    public static final int LIBBPF_WARN = 0;
    public static final int LIBBPF_INFO = 1;
    public static final int LIBBPF_DEBUG = 2;

    /** {@code BPF_F_SLEEPABLE}: program flag, the program may call sleepable helpers/kfuncs. */
    public static final int BPF_F_SLEEPABLE = 1 << 4;
    /** {@code BPF_F_LINK}: struct_ops map flag, registered through a bpf_link instead of a map update. */
    public static final int BPF_F_LINK = 1 << 13;
    /** {@code enum bpf_attach_type} BPF_STRUCT_OPS (kernel 6.4+; libbpf 1.1's headers predate it). */
    public static final int BPF_STRUCT_OPS = 44;
    /** {@code BPF_ANY}: map update flag, create or replace. */
    public static final long BPF_ANY = 0;

    /** {@code enum bpf_map_type} values this project uses. */
    public static final int BPF_MAP_TYPE_ARRAY = 2;
    public static final int BPF_MAP_TYPE_PERCPU_ARRAY = 6;
    public static final int BPF_MAP_TYPE_ARRAY_OF_MAPS = 12;
    public static final int BPF_MAP_TYPE_STRUCT_OPS = 26;
    public static final int BPF_MAP_TYPE_RINGBUF = 27;

    private LibBpf() {
    }

    /** True when libbpf.so.1 was found and bound. */
    public static boolean isAvailable() {
        return Loader.FAILURE == null;
    }

    /** Why libbpf could not be loaded, or null when it was. */
    public static String unavailableReason() {
        return Loader.FAILURE == null ? null
                : LIBRARY + " could not be loaded (" + firstLines(String.valueOf(Loader.FAILURE.getMessage()))
                + "); install Debian package 'libbpf1' (sudo apt-get install libbpf1, or sudo bin/setup)";
    }

    /** Throws {@link IllegalStateException} with {@link #unavailableReason()} when libbpf is missing. */
    public static void requireAvailable() {
        if (!isAvailable()) {
            throw new IllegalStateException(unavailableReason());
        }
    }

    /** JNA lists every place it looked, one per line; the first two lines say what went wrong. */
    private static String firstLines(String message) {
        String[] lines = message.strip().split("\n");
        return lines.length == 1 ? lines[0] : lines[0].strip() + " " + lines[1].strip();
    }

    private static final class Loader {
        static final Throwable FAILURE = register();

        private static Throwable register() {
            try {
                Native.register(LibBpf.class, NativeLibrary.getInstance(LIBRARY));
                return null;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                return e;
            }
        }
    }

    /**
     * {@code libbpf_print_fn_t}: {@code int (*)(enum libbpf_print_level level, const char *fmt, va_list args)}.
     * On x86-64 a {@code va_list} parameter is a pointer to the {@code __va_list_tag}, so it arrives as a
     * {@link Pointer} that can be handed to {@link LibC#vasprintf}. Return value is ignored by libbpf.
     */
    public interface PrintFn extends Callback {
        int invoke(int level, Pointer format, Pointer args);
    }

    // ---- library -----------------------------------------------------------------------------

    /** {@code __u32 libbpf_major_version(void)}: never fails. */
    public static native int libbpf_major_version();

    /** {@code __u32 libbpf_minor_version(void)}: never fails. */
    public static native int libbpf_minor_version();

    /**
     * {@code libbpf_print_fn_t libbpf_set_print(libbpf_print_fn_t fn)}: installs fn for all of libbpf's
     * messages (warnings, verifier logs) and returns the previous one. fn must stay strongly reachable.
     */
    public static native Pointer libbpf_set_print(PrintFn fn);

    /** {@code long libbpf_get_error(const void *ptr)}: 0 for a valid pointer, else -errno (libbpf 1.x: -errno of the last call when ptr is NULL). */
    public static native long libbpf_get_error(Pointer ptr);

    /** {@code int libbpf_num_possible_cpus(void)}: number of possible CPUs (per-CPU map value count), or -errno. */
    public static native int libbpf_num_possible_cpus();

    /** {@code int libbpf_strerror(int err, char *buf, size_t size)}: 0, or -EINVAL/-ERANGE when err is unknown/buf too small (buf still gets a message). */
    public static native int libbpf_strerror(int err, byte[] buf, long size);

    // ---- bpf_object --------------------------------------------------------------------------

    /**
     * {@code struct bpf_object *bpf_object__open_mem(const void *obj_buf, size_t obj_buf_sz, const struct bpf_object_open_opts *opts)}:
     * the object, or NULL with errno set. obj_buf must stay valid until the object is closed.
     */
    public static native Pointer bpf_object__open_mem(Pointer objBuf, long objBufSize, BpfObjectOpenOpts opts);

    /** {@code struct bpf_object *bpf_object__open_file(const char *path, const struct bpf_object_open_opts *opts)}: the object, or NULL with errno set. */
    public static native Pointer bpf_object__open_file(String path, BpfObjectOpenOpts opts);

    /** {@code int bpf_object__load(struct bpf_object *obj)}: 0, or -errno (the verifier log goes to the print callback). */
    public static native int bpf_object__load(Pointer obj);

    /** {@code void bpf_object__close(struct bpf_object *obj)}: frees everything; links must be destroyed first. NULL is a no-op. */
    public static native void bpf_object__close(Pointer obj);

    /** {@code struct btf *bpf_object__btf(const struct bpf_object *obj)}: the object's BTF, owned by obj; NULL if it has none. */
    public static native Pointer bpf_object__btf(Pointer obj);

    /** {@code struct bpf_map *bpf_object__find_map_by_name(const struct bpf_object *obj, const char *name)}: the map, or NULL (errno ENOENT). */
    public static native Pointer bpf_object__find_map_by_name(Pointer obj, String name);

    /** {@code struct bpf_map *bpf_object__next_map(const struct bpf_object *obj, const struct bpf_map *map)}: the map after map (first when NULL), NULL at the end. */
    public static native Pointer bpf_object__next_map(Pointer obj, Pointer prev);

    /** {@code struct bpf_program *bpf_object__find_program_by_name(const struct bpf_object *obj, const char *name)}: the program, or NULL (errno ENOENT). */
    public static native Pointer bpf_object__find_program_by_name(Pointer obj, String name);

    /** {@code struct bpf_program *bpf_object__next_program(const struct bpf_object *obj, struct bpf_program *prog)}: the next program (first when NULL), NULL at the end. */
    public static native Pointer bpf_object__next_program(Pointer obj, Pointer prev);

    // ---- bpf_program -------------------------------------------------------------------------

    /** {@code const char *bpf_program__name(const struct bpf_program *prog)}: never NULL. */
    public static native String bpf_program__name(Pointer prog);

    /** {@code const char *bpf_program__section_name(const struct bpf_program *prog)}: the ELF section, e.g. "tp_btf/sched_switch". */
    public static native String bpf_program__section_name(Pointer prog);

    /** {@code int bpf_program__set_autoload(struct bpf_program *prog, bool autoload)}: 0, or -EINVAL after load. */
    public static native int bpf_program__set_autoload(Pointer prog, boolean autoload);

    /** {@code __u32 bpf_program__flags(const struct bpf_program *prog)}: BPF_F_* load flags. */
    public static native int bpf_program__flags(Pointer prog);

    /** {@code int bpf_program__set_flags(struct bpf_program *prog, __u32 flags)}: 0, or -EBUSY after load. */
    public static native int bpf_program__set_flags(Pointer prog, int flags);

    /** {@code int bpf_program__fd(const struct bpf_program *prog)}: the fd once loaded, else -EINVAL. */
    public static native int bpf_program__fd(Pointer prog);

    /** {@code struct bpf_link *bpf_program__attach(const struct bpf_program *prog)}: attach by section name (tp_btf, fentry, lsm, ...); NULL with errno set on failure. */
    public static native Pointer bpf_program__attach(Pointer prog);

    /**
     * {@code struct bpf_link *bpf_program__attach_uprobe_opts(const struct bpf_program *prog, pid_t pid,
     * const char *binary_path, size_t func_offset, const struct bpf_uprobe_opts *opts)}: pid -1 = every process,
     * func_offset 0 with opts.func_name = that function's entry; NULL with errno set on failure.
     */
    public static native Pointer bpf_program__attach_uprobe_opts(Pointer prog, int pid, String binaryPath,
                                                                long funcOffset, BpfUprobeOpts opts);

    // ---- bpf_map -----------------------------------------------------------------------------

    /** {@code const char *bpf_map__name(const struct bpf_map *map)}: e.g. "gamer_ops", "gamer.bss". */
    public static native String bpf_map__name(Pointer map);

    /** {@code int bpf_map__fd(const struct bpf_map *map)}: the fd once created, else -EINVAL. */
    public static native int bpf_map__fd(Pointer map);

    /** {@code enum bpf_map_type bpf_map__type(const struct bpf_map *map)}. */
    public static native int bpf_map__type(Pointer map);

    /** {@code __u32 bpf_map__key_size(const struct bpf_map *map)}. */
    public static native int bpf_map__key_size(Pointer map);

    /** {@code __u32 bpf_map__value_size(const struct bpf_map *map)}: for per-CPU maps, the size of one CPU's value. */
    public static native int bpf_map__value_size(Pointer map);

    /** {@code __u32 bpf_map__max_entries(const struct bpf_map *map)}. */
    public static native int bpf_map__max_entries(Pointer map);

    /** {@code int bpf_map__set_max_entries(struct bpf_map *map, __u32 max_entries)}: 0, or -EBUSY after load. */
    public static native int bpf_map__set_max_entries(Pointer map, int maxEntries);

    /** {@code struct bpf_map *bpf_map__inner_map(struct bpf_map *map)}: the inner map template of a map-in-map, or NULL (errno EINVAL) for other maps. */
    public static native Pointer bpf_map__inner_map(Pointer map);

    /**
     * {@code const void *bpf_map__initial_value(struct bpf_map *map, size_t *psize)}: the initial contents of an
     * internal map ({@code .data}, {@code .rodata}, {@code .bss}) with its size in *psize; writable until load
     * (libbpf copies it into the map then). NULL for other maps.
     */
    public static native Pointer bpf_map__initial_value(Pointer map, LongByReference psize);

    /** {@code int bpf_map__set_autocreate(struct bpf_map *map, bool autocreate)}: 0, or -EBUSY after load (libbpf 0.8+). */
    public static native int bpf_map__set_autocreate(Pointer map, boolean autocreate);

    /** {@code int bpf_map__set_map_flags(struct bpf_map *map, __u32 flags)}: 0, or -EBUSY after load. */
    public static native int bpf_map__set_map_flags(Pointer map, int flags);

    /**
     * {@code struct bpf_link *bpf_map__attach_struct_ops(const struct bpf_map *map)}: writes the loaded
     * programs' fds into the struct_ops value and updates the map (which registers it, unless the map has
     * {@link #BPF_F_LINK}); NULL with errno set on failure.
     */
    public static native Pointer bpf_map__attach_struct_ops(Pointer map);

    // ---- bpf_link ----------------------------------------------------------------------------

    /** {@code int bpf_link__fd(const struct bpf_link *link)}. */
    public static native int bpf_link__fd(Pointer link);

    /** {@code void bpf_link__disconnect(struct bpf_link *link)}: destroy will free without detaching. */
    public static native void bpf_link__disconnect(Pointer link);

    /** {@code int bpf_link__destroy(struct bpf_link *link)}: detaches (unless disconnected) and frees; 0 or -errno of the detach. */
    public static native int bpf_link__destroy(Pointer link);

    // ---- bpf syscall wrappers (bpf/bpf.h) ----------------------------------------------------

    /** {@code int bpf_link_create(int prog_fd, int target_fd, enum bpf_attach_type type, const struct bpf_link_create_opts *opts)}: link fd, or -errno. For BPF_STRUCT_OPS, prog_fd is the struct_ops map's fd. */
    public static native int bpf_link_create(int progFd, int targetFd, int attachType, Pointer opts);

    /**
     * {@code int bpf_map_create(enum bpf_map_type map_type, const char *map_name, __u32 key_size, __u32 value_size,
     * __u32 max_entries, const struct bpf_map_create_opts *opts)}: the new map's fd, or -errno. opts may be NULL.
     */
    public static native int bpf_map_create(int mapType, String mapName, int keySize, int valueSize, int maxEntries,
                                            Pointer opts);

    /** enum bpf_stats_type BPF_STATS_RUN_TIME: run_time_ns and run_cnt of every program. */
    public static final int BPF_STATS_RUN_TIME = 0;

    /**
     * {@code int bpf_enable_stats(enum bpf_stats_type type)}: an fd that keeps the statistics on until it is closed
     * (counted with other holders and with the kernel.bpf_stats_enabled sysctl), or -errno.
     */
    public static native int bpf_enable_stats(int type);

    /** {@code int bpf_obj_get(const char *pathname)}: a new fd of the pinned object, or -errno. */
    public static native int bpf_obj_get(String pathname);

    /** {@code int bpf_obj_pin(int fd, const char *pathname)}: 0, or -errno. pathname is in a bpffs mount. */
    public static native int bpf_obj_pin(int fd, String pathname);

    /**
     * {@code int bpf_prog_test_run_opts(int prog_fd, struct bpf_test_run_opts *opts)}: 0 (the program's return
     * value is in opts->retval), or -errno. opts is native memory laid out as {@code struct bpf_test_run_opts}
     * (see {@code dev.frameloop.collector.bpf.TestRun}).
     */
    public static native int bpf_prog_test_run_opts(int progFd, Pointer opts);

    /** {@code int bpf_map_lookup_elem(int fd, const void *key, void *value)}: 0, or -errno (-ENOENT: no such key). */
    public static native int bpf_map_lookup_elem(int fd, byte[] key, byte[] value);

    /** As above, for direct buffers (their address is passed). */
    public static native int bpf_map_lookup_elem(int fd, Buffer key, Buffer value);

    /** {@code int bpf_map_update_elem(int fd, const void *key, const void *value, __u64 flags)}: 0, or -errno. */
    public static native int bpf_map_update_elem(int fd, byte[] key, byte[] value, long flags);

    /** As above, for direct buffers. */
    public static native int bpf_map_update_elem(int fd, Buffer key, Buffer value, long flags);

    /**
     * {@code int bpf_map_get_next_key(int fd, const void *key, void *next_key)}: the key after {@code key} (the first
     * key for a NULL key) into next_key; 0, or -errno (-ENOENT: no more keys).
     */
    public static native int bpf_map_get_next_key(int fd, byte[] key, byte[] nextKey);

    /** {@code int bpf_map_delete_elem(int fd, const void *key)}: 0, or -errno (-ENOENT: no such key). */
    public static native int bpf_map_delete_elem(int fd, byte[] key);

    /** As above, for a direct buffer. */
    public static native int bpf_map_delete_elem(int fd, Buffer key);

    // ---- btf (bpf/btf.h) ---------------------------------------------------------------------

    /** {@code __s32 btf__find_by_name_kind(const struct btf *btf, const char *type_name, __u32 kind)}: type id, or -ENOENT. */
    public static native int btf__find_by_name_kind(Pointer btf, String typeName, int kind);

    /** {@code const struct btf_type *btf__type_by_id(const struct btf *btf, __u32 id)}: the type (owned by btf), or NULL with errno EINVAL. */
    public static native Pointer btf__type_by_id(Pointer btf, int id);

    /** {@code const char *btf__name_by_offset(const struct btf *btf, __u32 offset)}: the string, or NULL for a bad offset. */
    public static native String btf__name_by_offset(Pointer btf, int offset);

    /** {@code __s64 btf__resolve_size(const struct btf *btf, __u32 type_id)}: size in bytes, or -errno. */
    public static native long btf__resolve_size(Pointer btf, int typeId);
}
