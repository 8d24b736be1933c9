package dev.frameloop.core.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A process exec or exit, with whether it counts as a game.
 *
 * <p>Immutable value of one {@code struct fl_process_event} for APIs; the hot path reads the
 * same fields in place with {@link ProcessEventFlyweight}.
 *
 * @param cpu CPU the event was emitted on ({@code header.cpu}).
 * @param timestampNs CLOCK_MONOTONIC ns when it happened ({@code header.timestamp_ns}).
 * @param pid Process id (kernel tgid). Unsigned in C, always below 2<sup>31</sup>.
 * @param tid Thread id (kernel pid) of the thread that exec'd or exited. Unsigned in C, always below
 *     2<sup>31</sup>.
 * @param ppid Parent process id (kernel tgid of real_parent). Unsigned in C, always below 2<sup>31</sup>.
 * @param exitCode For exits: task-&gt;exit_code (wait status encoding); 0 for execs.
 * @param action Exec or exit, {@code enum fl_process_action}.
 * @param isGame True when the process matched the game patterns (name, path, --game-pid, --game-comm).
 * @param source Hook that produced the event, {@code enum fl_process_source}.
 * @param filenameTruncated True when the path did not fit in filename and was cut.
 * @param comm Task comm, NUL-padded.
 * @param filename Prefix of the executable path (bprm-&gt;filename), filename_len bytes valid.
 */
public record ProcessEvent(
        int cpu,
        long timestampNs,
        int pid,
        int tid,
        int ppid,
        int exitCode,
        ProcessAction action,
        boolean isGame,
        ProcessSource source,
        boolean filenameTruncated,
        byte[] comm,
        byte[] filename) {

    /** Checks the components; byte arrays are copied so the record stays immutable. */
    public ProcessEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(comm, "comm");
        if (comm.length > ProcessEventLayout.COMM_LENGTH) {
            throw new IllegalArgumentException(
                    "comm must hold at most " + ProcessEventLayout.COMM_LENGTH + " bytes, got " + comm.length);
        }
        comm = comm.clone();
        Objects.requireNonNull(filename, "filename");
        if (filename.length > ProcessEventLayout.FILENAME_LENGTH) {
            throw new IllegalArgumentException(
                    "filename must hold at most " + ProcessEventLayout.FILENAME_LENGTH + " bytes, got " + filename.length);
        }
        filename = filename.clone();
    }

    /** The valid bytes of {@code comm} (a copy). */
    @Override
    public byte[] comm() {
        return comm.clone();
    }

    /** {@code comm} decoded as UTF-8 (the kernel does not promise an encoding), for display. */
    public String commText() {
        return new String(comm, StandardCharsets.UTF_8);
    }

    /** The valid bytes of {@code filename} (a copy). */
    @Override
    public byte[] filename() {
        return filename.clone();
    }

    /** {@code filename} decoded as UTF-8 (the kernel does not promise an encoding), for display. */
    public String filenameText() {
        return new String(filename, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ProcessEvent)) {
            return false;
        }
        ProcessEvent that = (ProcessEvent) other;
        return cpu == that.cpu
                && timestampNs == that.timestampNs
                && pid == that.pid
                && tid == that.tid
                && ppid == that.ppid
                && exitCode == that.exitCode
                && action == that.action
                && isGame == that.isGame
                && source == that.source
                && filenameTruncated == that.filenameTruncated
                && Arrays.equals(comm, that.comm)
                && Arrays.equals(filename, that.filename);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(cpu, timestampNs, pid, tid, ppid, exitCode, action, isGame, source, filenameTruncated);
        hash = 31 * hash + Arrays.hashCode(comm);
        hash = 31 * hash + Arrays.hashCode(filename);
        return hash;
    }

    @Override
    public String toString() {
        return "ProcessEvent[" + "cpu=" + cpu + ", "
                + "timestampNs=" + timestampNs + ", "
                + "pid=" + pid + ", "
                + "tid=" + tid + ", "
                + "ppid=" + ppid + ", "
                + "exitCode=" + exitCode + ", "
                + "action=" + action + ", "
                + "isGame=" + isGame + ", "
                + "source=" + source + ", "
                + "filenameTruncated=" + filenameTruncated + ", "
                + "comm=" + commText() + ", "
                + "filename=" + filenameText() + "]";
    }
}
