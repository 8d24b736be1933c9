package dev.frameloop.collector.ring;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingSizeOptionsTest {

    @Command(name = "host")
    static final class Host implements Runnable {
        @Mixin
        RingSizeOptions rings;

        @Override
        public void run() {
        }
    }

    @Test
    void shouldApplyGivenSizesOverTheDefaults() {
        Host host = new Host();
        new CommandLine(host).parseArgs("--ring-input=8x32KiB", "--ring-frame-timing", "128KiB");

        RingSizes sizes = host.rings.sizes();

        assertEquals(RingSize.parse("8x32KiB"), sizes.of(RingStream.INPUT));
        assertEquals(RingSize.single(128 << 10), sizes.of(RingStream.FRAME_TIMING));
        assertEquals(RingSizes.defaults().of(RingStream.MIGRATION), sizes.of(RingStream.MIGRATION));
    }

    @Test
    void shouldKeepTheDefaultsWhenNothingIsGiven() {
        Host host = new Host();
        new CommandLine(host).parseArgs();

        assertEquals(RingSizes.defaults(), host.rings.sizes());
    }

    @Test
    void shouldRejectABadSizeWithTheExpectedForm() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Host());
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("--ring-input=3x48KiB");

        assertEquals(2, code);
        assertTrue(err.toString().contains("a ring must be a power of two from 4KiB to 512MiB"), err.toString());
    }

    @Test
    void shouldShowEachDefaultAndWhatItCostsInHelp() {
        String help = new CommandLine(new Host()).getUsageMessage();

        for (RingStream stream : RingStream.values()) {
            if (stream.eventType().isEmpty()) {
                continue;
            }
            String expected = RingSizes.describe(RingSizeOptions.optionName(stream), RingSizes.defaultOf(stream));
            assertTrue(help.replaceAll("\\s+", " ").contains(expected), "help shows '" + expected + "':\n" + help);
        }
        assertTrue(help.contains("--ring-input=16x64KiB (1 MiB locked)"), help);
    }
}
