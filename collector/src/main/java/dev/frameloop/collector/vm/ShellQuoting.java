package dev.frameloop.collector.vm;

/**
 * POSIX shell single quoting: the one encoding the host uses to hand strings to the guest's shell.
 * Inside single quotes every byte is literal, so only {@code '} itself needs care ({@code '\''});
 * spaces, quotes, {@code $}, backslashes and newlines survive as they are.
 */
final class ShellQuoting {
    private ShellQuoting() {
    }

    static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be passed to a command: " + value.replace("\0", "\\0"));
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
