package dev.frameloop.collector.doctor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctorReportTextTest {

    private static List<String> tableRows(String text, String okMark, String missingMark) {
        return Arrays.stream(text.split("\n"))
                .filter(l -> l.startsWith("  " + okMark + " ") || l.startsWith("  " + missingMark + " "))
                .toList();
    }

    @Test
    void shouldPrintOneMarkedRowPerCheckWithDetailsInOneColumn() {
        String text = DoctorReportText.format(ReportFixtures.host(), DoctorReportText.UNICODE);
        List<String> rows = tableRows(text, "✓", "✗");

        assertEquals(12, rows.size(), text);
        int detailColumn = rows.get(0).indexOf("/sys/kernel/btf/vmlinux");
        for (String row : rows) {
            assertTrue(row.length() > detailColumn && row.charAt(detailColumn - 1) == ' ' && row.charAt(detailColumn) != ' ',
                    "detail not aligned at column " + detailColumn + ": '" + row + "'");
        }
        assertTrue(rows.contains("  ✗ fentry programs      load failed: " + ReportFixtures.EPERM), text);
        assertTrue(text.contains("  ✓ uprobe programs      load, attach, fire; on /usr/lib/x86_64-linux-gnu/libc.so.6:getpid"), text);
    }

    @Test
    void shouldPutCostsAndFixUnderEachMissingRow() {
        String text = DoctorReportText.format(ReportFixtures.host(), DoctorReportText.UNICODE);
        String[] lines = text.split("\n");

        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("  ✗ ")) {
                assertTrue(lines[i + 1].trim().startsWith("costs: "), lines[i + 1]);
                assertTrue(lines[i + 2].trim().startsWith("fix:   "), lines[i + 2]);
            }
        }
        assertTrue(text.endsWith("4 of 12 missing; see costs and fixes above.\n"), text);
    }

    @Test
    void shouldSayWhenNothingIsMissing() {
        String text = DoctorReportText.format(ReportFixtures.guestWithGamerRunning(), DoctorReportText.UNICODE);

        assertTrue(text.contains("  ✗ qemu"), text);
        assertTrue(text.contains("  ✓ struct_ops programs  loads; not registered: scheduler 'gamer' is in charge"), text);
    }

    @Test
    void shouldUseAsciiMarksWhereTheOutputCannotCarryUnicode() {
        assertEquals(DoctorReportText.ASCII, DoctorReportText.Marks.forCharset(StandardCharsets.US_ASCII));
        assertEquals(DoctorReportText.UNICODE, DoctorReportText.Marks.forCharset(StandardCharsets.UTF_8));

        String text = DoctorReportText.format(ReportFixtures.host(), DoctorReportText.ASCII);
        assertEquals(12, tableRows(text, "ok", "NO").size(), text);
        assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(text.replace("—", "-").replace("…", "...")), text);
    }
}
