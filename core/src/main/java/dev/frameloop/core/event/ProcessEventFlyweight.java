package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads a {@code struct fl_process_event} in place: {@link #wrap} a buffer at an offset, then read
 * fields straight from it, little-endian, without allocating. One instance is reused for
 * every record; it must not outlive the handler call that gave it the buffer.
 * A process exec or exit, with whether it counts as a game.
 *
 * @see ProcessEventLayout
 */
public final class ProcessEventFlyweight extends EventFlyweight {

    @Override
    public ProcessEventFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }

    /** {@code pid}: Process id (kernel tgid). Unsigned in C, always below 2<sup>31</sup>. */
    public int pid() {
        return LittleEndian.s32(buffer, offset + ProcessEventLayout.PID_OFFSET);
    }

    /**
     * {@code tid}: Thread id (kernel pid) of the thread that exec'd or exited. Unsigned in C, always below
     * 2<sup>31</sup>.
     */
    public int tid() {
        return LittleEndian.s32(buffer, offset + ProcessEventLayout.TID_OFFSET);
    }

    /**
     * {@code ppid}: Parent process id (kernel tgid of real_parent). Unsigned in C, always below
     * 2<sup>31</sup>.
     */
    public int ppid() {
        return LittleEndian.s32(buffer, offset + ProcessEventLayout.PPID_OFFSET);
    }

    /** {@code exit_code}: For exits: task-&gt;exit_code (wait status encoding); 0 for execs. */
    public int exitCode() {
        return LittleEndian.s32(buffer, offset + ProcessEventLayout.EXIT_CODE_OFFSET);
    }

    /** {@code action}: Exec or exit, {@code enum fl_process_action}. */
    public ProcessAction action() {
        return ProcessAction.fromCode(LittleEndian.u8(buffer, offset + ProcessEventLayout.ACTION_OFFSET));
    }

    /**
     * {@code is_game}: True when the process matched the game patterns (name, path, --game-pid, --game-comm).
     */
    public boolean isGame() {
        return LittleEndian.u8(buffer, offset + ProcessEventLayout.IS_GAME_OFFSET) != 0;
    }

    /** {@code source}: Hook that produced the event, {@code enum fl_process_source}. */
    public ProcessSource source() {
        return ProcessSource.fromCode(LittleEndian.u8(buffer, offset + ProcessEventLayout.SOURCE_OFFSET));
    }

    /** {@code filename_truncated}: True when the path did not fit in filename and was cut. */
    public boolean filenameTruncated() {
        return LittleEndian.u8(buffer, offset + ProcessEventLayout.FILENAME_TRUNCATED_OFFSET) != 0;
    }

    /** Number of bytes of {@code comm} before its first NUL (at most its capacity). */
    public int commLength() {
        return nulTerminatedLength(offset + ProcessEventLayout.COMM_OFFSET,
                ProcessEventLayout.COMM_LENGTH);
    }

    /**
     * Copies the valid bytes of {@code comm} ({@link #commLength()} of them) into {@code dst}.
     * Task comm, NUL-padded.
     *
     * @return the number of bytes copied
     */
    public int copyComm(byte[] dst, int dstOffset) {
        int length = commLength();
        buffer.get(offset + ProcessEventLayout.COMM_OFFSET, dst, dstOffset, length);
        return length;
    }

    /** Number of valid bytes in {@code filename}: {@code filename_len}, capped at its capacity. */
    public int filenameLength() {
        return Math.min(LittleEndian.u16(buffer, offset + ProcessEventLayout.FILENAME_LEN_OFFSET),
                ProcessEventLayout.FILENAME_LENGTH);
    }

    /**
     * Copies the valid bytes of {@code filename} ({@link #filenameLength()} of them) into {@code dst}.
     * Prefix of the executable path (bprm-&gt;filename), filename_len bytes valid.
     *
     * @return the number of bytes copied
     */
    public int copyFilename(byte[] dst, int dstOffset) {
        int length = filenameLength();
        buffer.get(offset + ProcessEventLayout.FILENAME_OFFSET, dst, dstOffset, length);
        return length;
    }

    /** Copies the event into an immutable {@link ProcessEvent} (allocates: for APIs, not the hot path). */
    public ProcessEvent toRecord() {
        return new ProcessEvent(
                cpu(),
                timestampNs(),
                pid(),
                tid(),
                ppid(),
                exitCode(),
                action(),
                isGame(),
                source(),
                filenameTruncated(),
                commBytes(),
                filenameBytes());
    }

    private byte[] commBytes() {
        byte[] bytes = new byte[commLength()];
        copyComm(bytes, 0);
        return bytes;
    }

    private byte[] filenameBytes() {
        byte[] bytes = new byte[filenameLength()];
        copyFilename(bytes, 0);
        return bytes;
    }
}
