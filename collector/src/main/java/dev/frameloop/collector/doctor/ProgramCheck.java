package dev.frameloop.collector.doctor;

/**
 * What trying one kind of program showed.
 *
 * @param loads    the verifier accepted it
 * @param attaches it attached; null when not tried (load failed, or attaching would disturb something)
 * @param fires    the hook ran after the doctor triggered it; null when not checked
 * @param error    why it did not load or attach; null when it did
 * @param note     a remark that is not a failure (e.g. why attaching was skipped); null when none
 */
public record ProgramCheck(boolean loads, Boolean attaches, Boolean fires, String error, String note) {

    public static ProgramCheck loadFailed(String error) {
        return new ProgramCheck(false, null, null, error, null);
    }

    /** True when frameloop can use this kind here: loaded and attached (or loaded and attaching was rightly skipped). */
    public boolean usable() {
        return loads && (attaches == null ? error == null : attaches);
    }
}
