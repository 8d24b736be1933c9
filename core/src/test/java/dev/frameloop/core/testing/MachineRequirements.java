package dev.frameloop.core.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need something of the machine (root, a kernel feature, qemu, a guest
 * kernel, Jupyter, a tmpfs mount): on a CI machine ({@code CI} set to anything but {@code false})
 * a missing requirement fails the test, saying what is missing; elsewhere the test is skipped with
 * that message. Shared by every module through core's test-jar.
 */
public final class MachineRequirements {
    private MachineRequirements() {
    }

    /** True on a CI machine, where a missing requirement is a failure, not a skip. */
    public static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci);
    }

    /** Returns when {@code present}; otherwise fails (CI) or skips the test with {@code whatIsMissing}. */
    public static void require(boolean present, String whatIsMissing) {
        if (present) {
            return;
        }
        if (isCi()) {
            Assertions.fail("this CI machine lacks what the test needs: " + whatIsMissing);
        }
        // a developer's machine may lack root, qemu or the guest kernel; CI never skips (see isCi)
        Assumptions.abort("skipped on this machine (not CI): " + whatIsMissing
                + "; CI=true turns this into a failure");
    }
}
