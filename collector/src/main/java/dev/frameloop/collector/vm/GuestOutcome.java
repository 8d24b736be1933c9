package dev.frameloop.collector.vm;

import java.time.Duration;

/** How a guest run ended. */
public sealed interface GuestOutcome {

    /** The command ran and exited with {@code status}. */
    record Exited(int status) implements GuestOutcome {
    }

    /** The run took longer than {@code limit}; qemu was killed. */
    record TimedOut(Duration limit) implements GuestOutcome {
    }

    /** The guest kernel panicked; {@code line} is the panic message from the console. */
    record Panicked(String line) implements GuestOutcome {
    }

    /** The guest or qemu failed before the command could report a status; {@code reason} says what was seen. */
    record Failed(String reason) implements GuestOutcome {
    }
}
