package dev.frameloop.collector.bpf;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.frameloop.collector.jna.BpfObjectOpenOpts;
import dev.frameloop.collector.jna.LibBpf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Owner of one libbpf {@code struct bpf_object}: open (from a classpath resource or a file),
 * configure its programs and maps, load, then hand out links; {@link #close()} destroys the links
 * it handed out and frees everything.
 *
 * <p>An object opened from a resource keeps the ELF bytes in native memory it owns for its whole
 * life: libbpf reads them during open and load.
 *
 * <p>Not thread-safe: one thread configures, loads and attaches.
 */
public final class BpfObject implements AutoCloseable {
    /** Classpath folder the bpf module ships its objects in. */
    public static final String RESOURCE_FOLDER = "/bpf/";

    private final String name;
    /** The ELF bytes of an object opened from memory (null when libbpf read a file). */
    private final Memory image;
    /** The ELF bytes as read from the resource, or the file libbpf read them from. */
    private final byte[] elf;
    private final Path file;
    private Pointer handle;
    private boolean loaded;
    private final List<BpfLink> links = new ArrayList<>();

    private BpfObject(String name, Memory image, byte[] elf, Path file, Pointer handle) {
        this.name = name;
        this.image = image;
        this.elf = elf;
        this.file = file;
        this.handle = handle;
    }

    /**
     * Opens {@code /bpf/<name>.bpf.o} from the classpath. The object's name (and the prefix of its
     * internal maps, e.g. {@code gamer.bss}) is {@code name}.
     *
     * @throws IllegalStateException when libbpf is not installed
     * @throws BpfException          when libbpf cannot parse the object
     */
    public static BpfObject openResource(String name) {
        String resource = RESOURCE_FOLDER + name + ".bpf.o";
        byte[] elf;
        try (InputStream in = BpfObject.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("BPF object " + resource + " is not on the classpath;"
                        + " the bpf module builds it (mvn -pl bpf package)");
            }
            elf = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        return openBytes(name, elf);
    }

    /** Opens a {@code .bpf.o} file (libbpf reads it); the object's name is the file name without {@code .bpf.o}. */
    public static BpfObject openFile(Path path) {
        String file = path.getFileName().toString();
        String name = file.endsWith(".bpf.o") ? file.substring(0, file.length() - ".bpf.o".length()) : file;
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no BPF object file " + path);
        }
        LibBpf.requireAvailable();
        try (LibbpfLog.Capture log = LibbpfLog.capture()) {
            Pointer handle = LibBpf.bpf_object__open_file(path.toString(), new BpfObjectOpenOpts(name));
            if (handle == null) {
                throw new BpfException("opening " + path, Native.getLastError(), log.text());
            }
            return new BpfObject(name, null, null, path, handle);
        }
    }

    private static BpfObject openBytes(String name, byte[] elf) {
        if (elf.length == 0) {
            throw new IllegalArgumentException("BPF object " + name + " is empty");
        }
        LibBpf.requireAvailable();
        Memory image = new Memory(elf.length);
        image.write(0, elf, 0, elf.length);
        try (LibbpfLog.Capture log = LibbpfLog.capture()) {
            Pointer handle = LibBpf.bpf_object__open_mem(image, elf.length, new BpfObjectOpenOpts(name));
            if (handle == null) {
                int errno = Native.getLastError();
                image.close();
                throw new BpfException("opening " + name + ".bpf.o", errno, log.text());
            }
            return new BpfObject(name, image, elf, null, handle);
        }
    }

    public String name() {
        return name;
    }

    /**
     * The object's ELF bytes (a copy), e.g. for the wire-format check of its BTF
     * ({@code LayoutVerifier.verifyWireFormat}).
     */
    public byte[] elfBytes() {
        if (elf != null) {
            return elf.clone();
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Every program of the object, in ELF order. */
    public List<BpfProgram> programs() {
        Pointer obj = handle();
        List<BpfProgram> programs = new ArrayList<>();
        for (Pointer p = LibBpf.bpf_object__next_program(obj, null); p != null; p = LibBpf.bpf_object__next_program(obj, p)) {
            programs.add(new BpfProgram(this, p));
        }
        return programs;
    }

    public Optional<BpfProgram> findProgram(String programName) {
        Pointer p = LibBpf.bpf_object__find_program_by_name(handle(), programName);
        return p == null ? Optional.empty() : Optional.of(new BpfProgram(this, p));
    }

    /** The program named programName (the C function name); fails fast when the object has none. */
    public BpfProgram program(String programName) {
        return findProgram(programName).orElseThrow(() -> new IllegalArgumentException(
                name + ".bpf.o has no program '" + programName + "'"));
    }

    /** Every map of the object, internal ones ({@code .bss}, {@code .data}, {@code .rodata}) included. */
    public List<BpfMap> maps() {
        Pointer obj = handle();
        List<BpfMap> maps = new ArrayList<>();
        for (Pointer m = LibBpf.bpf_object__next_map(obj, null); m != null; m = LibBpf.bpf_object__next_map(obj, m)) {
            maps.add(new BpfMap(this, m));
        }
        return maps;
    }

    /** A map by its C name, or an internal map by its section name (".bss"). */
    public Optional<BpfMap> findMap(String mapName) {
        Pointer m = LibBpf.bpf_object__find_map_by_name(handle(), mapName);
        return m == null ? Optional.empty() : Optional.of(new BpfMap(this, m));
    }

    public BpfMap map(String mapName) {
        return findMap(mapName).orElseThrow(() -> new IllegalArgumentException(
                name + ".bpf.o has no map '" + mapName + "'"));
    }

    /**
     * Creates the maps and loads the programs that are set to autoload.
     *
     * @throws BpfException with the errno, a hint, and libbpf's log tail (the verifier's verdict)
     */
    public void load() {
        Pointer obj = handle();
        if (loaded) {
            throw new IllegalStateException(name + ".bpf.o is already loaded");
        }
        try (LibbpfLog.Capture log = LibbpfLog.capture()) {
            int rc = LibBpf.bpf_object__load(obj);
            if (rc != 0) {
                throw new BpfException("loading " + name + ".bpf.o", rc, log.text());
            }
        }
        loaded = true;
    }

    /** The object's BTF, to find globals and struct layouts by name. */
    public ObjectBtf btf() {
        Pointer btf = LibBpf.bpf_object__btf(handle());
        if (btf == null) {
            throw new IllegalStateException(name + ".bpf.o has no BTF (compile with -g)");
        }
        return new ObjectBtf(this, btf);
    }

    /**
     * Reads a global variable's current value from the kernel: looks up key 0 of the internal map of
     * {@code section} (".bss", ".data") and slices out the variable, located by BTF.
     */
    public GlobalValue readGlobal(String section, String variable) {
        ObjectBtf.GlobalVariable v = btf().global(section, variable);
        BpfMap map = map(section);
        byte[] value = new byte[map.valueSize()];
        if (!map.lookup(new byte[4], value)) {
            throw new IllegalStateException(name + ".bpf.o: " + section + " map has no entry 0");
        }
        return new GlobalValue(v, value);
    }

    /** The links this object handed out and still owns, oldest first (closed ones included until {@link #close}). */
    public List<BpfLink> links() {
        return List.copyOf(links);
    }

    /**
     * Detaches every program by destroying the links this object handed out (newest first); the
     * object, its maps and rings stay. Idempotent.
     */
    public void detachAll() {
        for (int i = links.size() - 1; i >= 0; i--) {
            links.get(i).close();
        }
    }

    /** Takes ownership of link: it is destroyed, at the latest, when this object closes. */
    BpfLink own(BpfLink link) {
        links.add(link);
        return link;
    }

    Pointer handle() {
        if (handle == null) {
            throw new IllegalStateException(name + ".bpf.o is closed");
        }
        return handle;
    }

    void requireLoaded(String what) {
        if (!loaded) {
            throw new IllegalStateException(what + " needs " + name + ".bpf.o loaded first");
        }
    }

    void requireNotLoaded(String what) {
        if (loaded) {
            throw new IllegalStateException(what + " must happen before " + name + ".bpf.o is loaded");
        }
    }

    /** Destroys the links this object handed out (detaching them), then frees the object. Idempotent. */
    @Override
    public void close() {
        if (handle == null) {
            return;
        }
        RuntimeException first = null;
        for (int i = links.size() - 1; i >= 0; i--) {
            try {
                links.get(i).close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        links.clear();
        LibBpf.bpf_object__close(handle);
        handle = null;
        if (image != null) {
            image.close();
        }
        if (first != null) {
            throw first;
        }
    }
}
