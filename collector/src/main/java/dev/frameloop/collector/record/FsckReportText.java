package dev.frameloop.collector.record;

import dev.frameloop.core.dataset.FsckIssue;
import dev.frameloop.core.dataset.FsckReport;
import dev.frameloop.core.dataset.SessionFsck;

import java.util.Map;
import java.util.TreeSet;

/** The text {@code frameloop fsck} prints: per session, what it found and did, then a summary. */
final class FsckReportText {
    private FsckReportText() {
    }

    static String format(FsckReport report) {
        StringBuilder text = new StringBuilder();
        if (report.dryRun()) {
            text.append("dry run: nothing was changed\n");
        }
        int clean = 0;
        int repaired = 0;
        int skipped = 0;
        int problems = 0;
        for (SessionFsck session : report.sessions()) {
            text.append("session ").append(session.id()).append(": ").append(verdict(session, report.dryRun()))
                    .append('\n');
            for (FsckIssue issue : session.issues()) {
                text.append("  ").append(kind(issue.kind())).append("  ").append(issue.path()).append(": ")
                        .append(issue.action()).append(" (").append(issue.detail()).append(")\n");
            }
            switch (session.outcome()) {
                case CLEAN -> clean++;
                case REPAIRED -> repaired++;
                case SKIPPED -> skipped++;
                case PROBLEMS -> problems++;
                default -> throw new IllegalStateException("unhandled outcome " + session.outcome());
            }
            if (session.outcome() == SessionFsck.Outcome.SKIPPED) {
                text.append("  ").append(session.note()).append('\n');
                continue;
            }
            if (session.outcome() != SessionFsck.Outcome.CLEAN) {
                text.append("  rows on disk: ").append(rows(session.rowsOnDisk(), session.rowsClaimed())).append('\n');
                text.append("  ").append(session.note()).append('\n');
            }
        }
        text.append(report.sessions().size()).append(report.sessions().size() == 1 ? " session" : " sessions")
                .append(": ").append(clean).append(" clean, ").append(repaired)
                .append(report.dryRun() ? " to repair, " : " repaired, ").append(skipped).append(" skipped, ")
                .append(problems).append(" with problems left\n");
        return text.toString();
    }

    private static String verdict(SessionFsck session, boolean dryRun) {
        return switch (session.outcome()) {
            case CLEAN -> "clean";
            case REPAIRED -> dryRun ? "needs repair" : "repaired";
            case SKIPPED -> "skipped";
            case PROBLEMS -> dryRun ? "needs repair; problems left" : "repaired what it could; problems left";
        };
    }

    private static String kind(FsckIssue.Kind kind) {
        return String.format("%-10s", kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String rows(Map<String, Long> onDisk, Map<String, Long> claimed) {
        StringBuilder text = new StringBuilder();
        TreeSet<String> tables = new TreeSet<>(onDisk.keySet());
        tables.addAll(claimed.keySet());
        for (String table : tables) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(table).append(' ').append(onDisk.getOrDefault(table, 0L));
            Long claim = claimed.get(table);
            if (claim != null && claim.longValue() != onDisk.getOrDefault(table, 0L)) {
                text.append(" (manifest: ").append(claim).append(')');
            }
        }
        return text.length() == 0 ? "none" : text.toString();
    }
}
