package dev.frameloop.core.btf;

import java.util.List;

/**
 * The Java mirror of the wire format disagrees with the BTF of the compiled BPF object. The
 * message starts with the first difference found (struct.field, Java and BTF offset and size)
 * and lists one line per struct or enum that differs.
 */
public final class LayoutMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> mismatches;

    /** An exception listing {@code mismatches} (at least one), the first one first. */
    public LayoutMismatchException(List<String> mismatches) {
        super(message(mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    /** One line per struct or enum that differs: its first difference. */
    public List<String> mismatches() {
        return mismatches;
    }

    private static String message(List<String> mismatches) {
        if (mismatches.isEmpty()) {
            throw new IllegalArgumentException("a layout mismatch needs at least one difference");
        }
        StringBuilder text = new StringBuilder(mismatches.get(0));
        if (mismatches.size() > 1) {
            text.append(" (and ").append(mismatches.size() - 1).append(" more:");
            for (String mismatch : mismatches.subList(1, mismatches.size())) {
                text.append("\n  ").append(mismatch);
            }
            text.append(')');
        }
        text.append("; events.h and dev.frameloop.core.event must describe the same bytes");
        return text.toString();
    }
}
