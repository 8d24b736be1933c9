package dev.frameloop.collector.doctor;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;

/**
 * The doctor's report for people: an aligned table, ✓ or ✗ per line, costs and fix under each ✗.
 * Where the output cannot carry those characters (a C/POSIX locale), "ok" and "NO" stand in.
 */
public final class DoctorReportText {
    /** Marks for a UTF-8 (or other Unicode) output. */
    public static final Marks UNICODE = new Marks("✓", "✗");
    /** Marks for an ASCII-only output. */
    public static final Marks ASCII = new Marks("ok", "NO");

    /** The marks for present and missing things. */
    public record Marks(String ok, String missing) {
        public Marks {
            if (ok.length() != missing.length()) {
                throw new IllegalArgumentException("marks must be equally wide to keep the table aligned");
            }
        }

        /** {@link #UNICODE} when charset can encode it, else {@link #ASCII}. */
        public static Marks forCharset(Charset charset) {
            CharsetEncoder encoder = charset.newEncoder();
            return encoder.canEncode(UNICODE.ok()) && encoder.canEncode(UNICODE.missing()) ? UNICODE : ASCII;
        }
    }

    private DoctorReportText() {
    }

    public static String format(DoctorReport report, Marks marks) {
        List<Finding> findings = DoctorFindings.of(report);
        int width = findings.stream().mapToInt(f -> f.label().length()).max().orElse(0) + 2;
        String indent = " ".repeat(4 + width);
        StringBuilder out = new StringBuilder("frameloop doctor: what this machine can do (found by trying)\n\n");
        for (Finding f : findings) {
            out.append("  ").append(f.ok() ? marks.ok() : marks.missing()).append(' ')
                    .append(pad(f.label(), width)).append(f.detail()).append('\n');
            if (!f.ok()) {
                out.append(indent).append("costs: ").append(f.costs()).append('\n');
                out.append(indent).append("fix:   ").append(f.fix()).append('\n');
            }
        }
        if (!report.eventSources().isEmpty()) {
            out.append("\n  event sources (observe mode; with the scheduler, gamer writes its own streams):\n");
            int typeWidth = report.eventSources().keySet().stream().mapToInt(t -> t.name().length()).max().orElse(0) + 2;
            report.eventSources().forEach((type, source) -> out.append("    ")
                    .append(pad(type.name().toLowerCase(java.util.Locale.ROOT), typeWidth)).append(source).append('\n'));
        }
        long missing = findings.stream().filter(f -> !f.ok()).count();
        out.append('\n').append(missing == 0 ? "everything frameloop uses is here."
                : missing + " of " + findings.size() + " missing; see costs and fixes above.").append('\n');
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }
}
