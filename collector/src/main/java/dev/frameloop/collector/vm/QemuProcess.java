package dev.frameloop.collector.vm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running qemu that never outlives frameloop: {@link #close()} kills it, a shutdown hook kills it when
 * the JVM ends early (Ctrl-C, SIGTERM), and where {@code setpriv} is available qemu gets SIGKILL from the
 * kernel if frameloop itself dies without running hooks (SIGKILL).
 */
final class QemuProcess implements AutoCloseable {
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private final Process process;
    private final Thread shutdownHook;

    private QemuProcess(Process process, PrintStream messages) {
        this.process = process;
        this.shutdownHook = new Thread(() -> {
            if (process.isAlive()) {
                messages.println("frameloop vm: interrupted; stopping the guest");
                messages.flush();
                kill(process);
            }
        }, "frameloop-vm-stop-qemu");
    }

    /**
     * Starts {@code command} with no input; its stdout (the serial console) and stderr are read through
     * {@link #console()} and {@link #errors()}. Must be called from a thread that lives as long as qemu
     * (the parent-death signal follows the starting thread).
     */
    static QemuProcess start(List<String> command, PrintStream messages) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        QemuProcess qemu = new QemuProcess(process, messages);
        try {
            Runtime.getRuntime().addShutdownHook(qemu.shutdownHook);
        } catch (IllegalStateException e) {
            kill(process);
            throw e;
        }
        return qemu;
    }

    InputStream console() {
        return process.getInputStream();
    }

    InputStream errors() {
        return process.getErrorStream();
    }

    /** Waits for qemu to exit; false when it still runs after {@code limit}. */
    boolean waitFor(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitCode() {
        return process.exitValue();
    }

    @Override
    public void close() {
        kill(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) and finds qemu gone
        }
    }

    private static void kill(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("qemu (pid " + process.pid() + ") did not end within "
                        + KILL_WAIT.toSeconds() + " s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
