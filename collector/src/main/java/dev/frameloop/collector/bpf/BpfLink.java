package dev.frameloop.collector.bpf;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.frameloop.collector.jna.LibBpf;
import dev.frameloop.collector.jna.LibC;

/**
 * An attachment of BPF to the kernel. Closing it detaches. Either a libbpf {@code struct bpf_link}
 * (destroyed with {@code bpf_link__destroy}) or a kernel link fd made with {@code bpf_link_create}
 * (closed; the kernel detaches when its last fd closes, so a killed process never leaves one behind).
 */
public final class BpfLink implements AutoCloseable {
    private final String description;
    private final Pointer libbpfLink;
    private int fd;
    private boolean open = true;

    private BpfLink(String description, Pointer libbpfLink, int fd) {
        this.description = description;
        this.libbpfLink = libbpfLink;
        this.fd = fd;
    }

    static BpfLink ofLibbpf(Pointer link, String description) {
        return new BpfLink(description, link, -1);
    }

    static BpfLink ofFd(int fd, String description) {
        if (fd < 0) {
            throw new IllegalArgumentException("link fd must be >= 0, was " + fd);
        }
        return new BpfLink(description, null, fd);
    }

    public boolean isOpen() {
        return open;
    }

    public String description() {
        return description;
    }

    /** The kernel link's fd. */
    public int fd() {
        if (!open) {
            throw new IllegalStateException("link " + description + " is closed");
        }
        return libbpfLink != null ? LibBpf.bpf_link__fd(libbpfLink) : fd;
    }

    /** Detaches. Idempotent. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        if (libbpfLink != null) {
            int rc = LibBpf.bpf_link__destroy(libbpfLink);
            if (rc < 0) {
                throw new BpfException("detaching " + description, rc, "");
            }
        } else {
            int closing = fd;
            fd = -1;
            if (LibC.close(closing) != 0) {
                throw new BpfException("closing link " + description, Native.getLastError(), "");
            }
        }
    }

    @Override
    public String toString() {
        return "BpfLink[" + description + (open ? "" : ", closed") + "]";
    }
}
