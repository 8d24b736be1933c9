package dev.frameloop.core.dataset;

import java.nio.file.FileAlreadyExistsException;

/** A session with this id already exists in the dataset: it is never written into twice. */
public final class SessionExistsException extends FileAlreadyExistsException {
    private static final long serialVersionUID = 1L;
    private final String id;

    /** For session {@code id}, whose folder is {@code where}. */
    public SessionExistsException(SessionId id, String where) {
        super(where);
        this.id = id.value();
    }

    @Override
    public String getMessage() {
        return "session " + id + " already exists (" + getFile()
                + "); a session is never recorded into twice: choose another session id or leave it unset";
    }
}
