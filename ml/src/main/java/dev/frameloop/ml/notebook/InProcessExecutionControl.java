package dev.frameloop.ml.notebook;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.Method;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Runs snippets inside the kernel's JVM, so a cell's value reaches the kernel as the object
 * itself (a Tablesaw table, a chart) rather than its {@code toString()}, and the project's
 * classes are the kernel's own.
 *
 * <p>Snippets run one at a time on one daemon thread that lives as long as the session, so
 * thread-locals survive across cells and an interrupt never lands on the thread serving the
 * Jupyter sockets.
 */
final class InProcessExecutionControl extends DirectExecutionControl {
    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notebook-cell");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<Object> running;
    private Object lastValue;
    private boolean stopped;

    /** Returns an empty string to JShell (nothing renders values as text) and keeps the value. */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        stopped = false;
        FutureTask<Object> task = new FutureTask<>(() -> doitMethod.invoke(null));
        running = task; // before it runs, so a stop() from the moment it starts reaches it
        cellThread.execute(task);
        try {
            lastValue = task.get();
            return "";
        } catch (ExecutionException e) {
            // the InvocationTargetException: DirectExecutionControl turns its cause into JShell's EvalException
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (CancellationException e) {
            stopped = true;
            throw new StoppedException();
        } finally {
            running = null;
        }
    }

    /** The value the last snippet produced (null for statements and declarations); forgets it. */
    Object takeLastValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    /** Whether the last snippet was stopped by {@link #stop()} (JShell reports nothing for it); forgets it. */
    boolean takeStopped() {
        boolean s = stopped;
        stopped = false;
        return s;
    }

    /** Interrupts the running snippet; code that never checks for interrupts runs on. */
    @Override
    public void stop() {
        Future<Object> task = running;
        if (task != null) {
            task.cancel(true);
        }
    }

    @Override
    public void close() {
        cellThread.shutdownNow();
        super.close();
    }
}
