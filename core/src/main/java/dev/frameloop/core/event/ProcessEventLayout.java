package dev.frameloop.core.event;

import java.util.List;

/**
 * Byte layout of {@code struct fl_process_event} (wire format in {@code bpf/include/frameloop/events.h}):
 * A process exec or exit, with whether it counts as a game.
 *
 * <p>Little-endian, offsets in bytes from the start of the record. The layout check
 * ({@code dev.frameloop.core.btf.LayoutVerifier}) compares {@link #LAYOUT} with the BTF of the
 * compiled BPF object, field by field.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                       header (24 bytes)                       |  0
 *   |                              ...                              |
 *   +---------------------------------------------------------------+
 *   |                              pid                              |  24
 *   +---------------------------------------------------------------+
 *   |                              tid                              |  28
 *   +---------------------------------------------------------------+
 *   |                              ppid                             |  32
 *   +---------------------------------------------------------------+
 *   |                           exit_code                           |  36
 *   +---------------------------------------------------------------+
 *   |     action    |    is_game    |     source    |filename_trunca|  40
 *   +---------------+---------------+---------------+---------------+
 *   |          filename_len         |              pad0             |  44
 *   +-------------------------------+-------------------------------+
 *   |                        comm (16 bytes)                        |  48
 *   |                              ...                              |
 *   +---------------------------------------------------------------+
 *   |                      filename (128 bytes)                     |  64
 *   |                              ...                              |
 *   +---------------------------------------------------------------+
 * </pre>
 */
public final class ProcessEventLayout {
    /** Name of the C struct this class mirrors. */
    public static final String STRUCT_NAME = "fl_process_event";

    /** {@code struct fl_event_header header}: Common event header, see {@link EventHeaderLayout}. */
    public static final int HEADER_OFFSET = 0;
    /** {@code __u32 pid}: Process id (kernel tgid). */
    public static final int PID_OFFSET = 24;
    /** {@code __u32 tid}: Thread id (kernel pid) of the thread that exec'd or exited. */
    public static final int TID_OFFSET = 28;
    /** {@code __u32 ppid}: Parent process id (kernel tgid of real_parent). */
    public static final int PPID_OFFSET = 32;
    /** {@code __s32 exit_code}: For exits: task-&gt;exit_code (wait status encoding); 0 for execs. */
    public static final int EXIT_CODE_OFFSET = 36;
    /** {@code __u8 action}: Exec or exit, {@code enum fl_process_action}. */
    public static final int ACTION_OFFSET = 40;
    /**
     * {@code __u8 is_game}: True when the process matched the game patterns (name, path, --game-pid,
     * --game-comm).
     */
    public static final int IS_GAME_OFFSET = 41;
    /** {@code __u8 source}: Hook that produced the event, {@code enum fl_process_source}. */
    public static final int SOURCE_OFFSET = 42;
    /** {@code __u8 filename_truncated}: True when the path did not fit in filename and was cut. */
    public static final int FILENAME_TRUNCATED_OFFSET = 43;
    /** {@code __u16 filename_len}: Number of valid bytes in filename (no terminating NUL counted). */
    public static final int FILENAME_LEN_OFFSET = 44;
    /** {@code __u16 pad0}: Explicit padding, always 0. */
    public static final int PAD0_OFFSET = 46;
    /** {@code char[16] comm}: Task comm, NUL-padded. */
    public static final int COMM_OFFSET = 48;
    /** Capacity in bytes of {@code comm}. */
    public static final int COMM_LENGTH = 16;
    /**
     * {@code char[128] filename}: Prefix of the executable path (bprm-&gt;filename), filename_len bytes
     * valid.
     */
    public static final int FILENAME_OFFSET = 64;
    /** Capacity in bytes of {@code filename}. */
    public static final int FILENAME_LENGTH = 128;

    /** Size in bytes of {@code struct fl_process_event}. */
    public static final int SIZE = 192;

    /** Every member, in order, as the layout check compares it with BTF. */
    public static final StructLayout LAYOUT = new StructLayout(STRUCT_NAME, SIZE, List.of(
            new FieldLayout("header", HEADER_OFFSET, EventHeaderLayout.SIZE),
            new FieldLayout("pid", PID_OFFSET, 4),
            new FieldLayout("tid", TID_OFFSET, 4),
            new FieldLayout("ppid", PPID_OFFSET, 4),
            new FieldLayout("exit_code", EXIT_CODE_OFFSET, 4),
            new FieldLayout("action", ACTION_OFFSET, 1),
            new FieldLayout("is_game", IS_GAME_OFFSET, 1),
            new FieldLayout("source", SOURCE_OFFSET, 1),
            new FieldLayout("filename_truncated", FILENAME_TRUNCATED_OFFSET, 1),
            new FieldLayout("filename_len", FILENAME_LEN_OFFSET, 2),
            new FieldLayout("pad0", PAD0_OFFSET, 2),
            new FieldLayout("comm", COMM_OFFSET, COMM_LENGTH),
            new FieldLayout("filename", FILENAME_OFFSET, FILENAME_LENGTH)));

    private ProcessEventLayout() {
    }
}
