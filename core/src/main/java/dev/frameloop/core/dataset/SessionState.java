package dev.frameloop.core.dataset;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a session stands, as its manifest says. */
public enum SessionState {
    /** Being recorded (or the recorder died: fsck finds out). */
    RECORDING("recording"),
    /** Recording ended and every file was closed. */
    FINISHED("finished"),
    /** Recording stopped on a write failure (e.g. disk full); closed files are valid. */
    FAILED("failed"),
    /** The recorder died; fsck moved incomplete files aside and recounted rows. */
    REPAIRED("repaired");

    private final String json;

    SessionState(String json) {
        this.json = json;
    }

    /** The manifest spelling. */
    @JsonValue
    public String json() {
        return json;
    }
}
