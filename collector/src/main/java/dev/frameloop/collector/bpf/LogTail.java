package dev.frameloop.collector.bpf;

/** The end of a multi-line log, which is where a verifier states why it gave up. */
final class LogTail {
    private LogTail() {
    }

    /** The last {@code lines} lines of text (without a trailing newline), or all of it when shorter. */
    static String lastLines(String text, int lines) {
        if (lines <= 0) {
            throw new IllegalArgumentException("lines must be positive, was " + lines);
        }
        String trimmed = text.stripTrailing();
        int end = trimmed.length();
        int start = end;
        int seen = 0;
        while (start > 0) {
            int newline = trimmed.lastIndexOf('\n', start - 1);
            seen++;
            if (seen == lines || newline < 0) {
                start = newline + 1;
                break;
            }
            start = newline;
        }
        return trimmed.substring(start, end);
    }
}
