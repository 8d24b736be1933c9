package dev.frameloop.ml.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/** The end report {@code frameloop sched} prints, parsed into counts (for VM tests). */
record SchedReport(Map<String, Long> written, Map<String, Long> dropped, Map<String, Long> read, Map<String, Long> classChanges,
                   Map<String, Long> deadlineMisses, Map<String, Long> migrations, long policyApplied, long policyExpired) {

    private static final Pattern EVENTS = Pattern.compile("(?m)^events \\(written/dropped\\): (.*)$");
    private static final Pattern READ = Pattern.compile("(?m)^events read from the rings: ([^;\\n]*)");
    private static final Pattern CLASSES = Pattern.compile("(?m)^class changes to: (.*)$");
    private static final Pattern MISSES = Pattern.compile("(?m)^deadline misses \\(later than [^)]*\\) by class: (.*)$");
    private static final Pattern MIGRATIONS = Pattern.compile("(?m)^migrations by reason: (.*)$");
    private static final Pattern POLICY = Pattern.compile(
            "(?m)^preemptions \\d+; policy: (\\d+) writes applied, (\\d+) expired entries ignored");

    static SchedReport parse(String output) {
        Map<String, Long> written = new LinkedHashMap<>();
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (String part : line(EVENTS, output).split(", ")) {
            String[] nameCounts = part.split(" ");
            String[] counts = nameCounts[1].split("/");
            written.put(nameCounts[0], Long.parseLong(counts[0]));
            dropped.put(nameCounts[0], Long.parseLong(counts[1]));
        }
        Matcher policy = POLICY.matcher(output);
        if (!policy.find()) {
            fail("no policy line in the sched report:\n" + output);
        }
        return new SchedReport(written, dropped, counts(line(READ, output)), counts(line(CLASSES, output)), counts(line(MISSES, output)),
                counts(line(MIGRATIONS, output)), Long.parseLong(policy.group(1)), Long.parseLong(policy.group(2)));
    }

    /** Deadline misses of one thread as the per-thread line lists it (it shows the five threads with most), 0 when absent. */
    static long deadlineMissesOf(String output, String tid) {
        Matcher m = Pattern.compile("(?m)^threads with deadline misses: .*\\btid " + tid + " \\((\\w+)\\) (\\d+), worst").matcher(output);
        return m.find() ? Long.parseLong(m.group(2)) : 0;
    }

    long totalDeadlineMisses() {
        return deadlineMisses.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String line(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            fail("no line matching " + pattern + " in the sched report:\n" + output);
        }
        return m.group(1);
    }

    /** "input 0, render 1" -> {input=0, render=1}. */
    private static Map<String, Long> counts(String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String part : text.split(", ")) {
            String[] kv = part.split(" ");
            counts.put(kv[0], Long.parseLong(kv[1]));
        }
        return counts;
    }
}
