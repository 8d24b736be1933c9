package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleWatcherTest {

    private static ConsoleWatcher watch(String console, ByteArrayOutputStream forwarded) throws InterruptedException {
        ConsoleWatcher watcher = ConsoleWatcher.start(new ByteArrayInputStream(console.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(forwarded, true, StandardCharsets.UTF_8), "", "test-console");
        watcher.awaitEnd(Duration.ofSeconds(10));
        return watcher;
    }

    @Test
    void shouldFindThePanicLineAndForwardTheConsoleWithoutCarriageReturns() throws InterruptedException {
        ByteArrayOutputStream forwarded = new ByteArrayOutputStream();
        String console = "[    2.573491] Oops: int3: 0000 [#1] SMP NOPTI\r\n"
                + "[    2.598750] Kernel panic - not syncing: Fatal exception in interrupt\r\n"
                + "[    2.605600] Kernel Offset: 0x23a00000\r\n";

        ConsoleWatcher watcher = watch(console, forwarded);

        assertEquals("Kernel panic - not syncing: Fatal exception in interrupt", watcher.panicLine().orElseThrow());
        String out = forwarded.toString(StandardCharsets.UTF_8);
        assertTrue(!out.contains("\r"), out);
        assertEquals(3, out.lines().count(), out);
        assertEquals("Kernel Offset: 0x23a00000", watcher.lastLine().orElseThrow());
    }

    @Test
    void shouldRememberTheGuestInitsLastErrorButNotItsWarnings() throws InterruptedException {
        ConsoleWatcher watcher = watch("frameloop-guest: cannot mount the host root (9p tag fl_root)\r\n"
                + "frameloop-guest: warning: cannot mount tracefs on /sys/kernel/tracing\r\n", new ByteArrayOutputStream());

        assertEquals("cannot mount the host root (9p tag fl_root)", watcher.guestError().orElseThrow());
        assertTrue(watcher.panicLine().isEmpty());
    }

    @Test
    void shouldDropTheShutdownLineOfACleanPowerOff() throws InterruptedException {
        ByteArrayOutputStream forwarded = new ByteArrayOutputStream();

        ConsoleWatcher watcher = watch("[    4.212484] reboot: Power down\r\n", forwarded);

        assertEquals("", forwarded.toString(StandardCharsets.UTF_8));
        assertTrue(watcher.lastLine().isEmpty());
    }
}
