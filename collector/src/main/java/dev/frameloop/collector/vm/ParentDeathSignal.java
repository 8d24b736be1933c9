package dev.frameloop.collector.vm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A command prefix ({@code setpriv --pdeathsig KILL --}) that makes the kernel kill a child process when
 * the thread that started it dies — the one way a child survives no shutdown hook can cover (frameloop
 * killed with SIGKILL). Empty when the host's setpriv lacks the option.
 */
final class ParentDeathSignal {
    private ParentDeathSignal() {
    }

    static List<String> prefix(Environment env) {
        Optional<Path> setpriv = HostTool.find("setpriv", env);
        if (setpriv.isEmpty()) {
            return List.of();
        }
        HostTool.Result help = HostTool.run(List.of(setpriv.get().toString(), "--help"), null, Duration.ofSeconds(10));
        if (!help.stdoutText().contains("--pdeathsig")) {
            return List.of();
        }
        return List.of(setpriv.get().toString(), "--pdeathsig", "KILL", "--");
    }
}
