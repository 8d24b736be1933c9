package dev.frameloop.collector.probe;

import dev.frameloop.collector.ring.EventDispatcher;
import dev.frameloop.collector.ring.EventSink;
import dev.frameloop.collector.ring.IdleMode;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.ring.RingConsumer;
import dev.frameloop.collector.testing.HostRequirements;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.ProcessAction;
import dev.frameloop.core.event.ProcessEvent;
import dev.frameloop.core.event.ProcessEventFlyweight;
import dev.frameloop.core.event.ProcessSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process probe of observe.bpf.o on this host's kernel: a shell execs N programs whose names the
 * kernel makes their comm (quotes, a newline, markup, bytes that are not UTF-8, game names), and exactly N
 * exec events and N exit events with that shell as parent come out, comm bytes as given, the game flag
 * set by the comm and path patterns and unset otherwise (a near match is no match). On a host without LSM the tracepoint fallback produces them.
 */
class ProcessProbeHostTest {
    private static final byte[][] NAMES = {
            "plain-prog".getBytes(StandardCharsets.US_ASCII),
            "q\"uo'te`$(x)".getBytes(StandardCharsets.US_ASCII),
            "new\nline".getBytes(StandardCharsets.US_ASCII),         // its path matches the path pattern w\nli
            "<script>alert(1)".getBytes(StandardCharsets.US_ASCII), // longer than a comm: cut to 15 bytes
            {(byte) 0xff, (byte) 0xfe, 'b', 'a', 'd', (byte) 0xc3, '(', (byte) 0x80},
            "flgame-one".getBytes(StandardCharsets.US_ASCII),        // matches --game-comm flgame*
            "Hero.exe".getBytes(StandardCharsets.US_ASCII),          // matches the default *.exe
            "notflgame".getBytes(StandardCharsets.US_ASCII),         // its path matches the path pattern /notfl
    };
    /** Path patterns added to the defaults: "/notfl" matches a path's last component, "w\nli" inside one, "plain-prox" only nearly. */
    private static final List<String> PATH_PATTERNS = List.of("/notfl", "w\nli", "plain-prox");
    private static final boolean[] GAME = {false, false, true, false, false, true, true, true};

    @TempDir
    Path dir;

    @BeforeAll
    static void requireBpf() {
        HostRequirements.requireBpfPrivileges();
    }

    @Test
    void shouldReportEveryExecAndExitWithTheKernelsCommBytesAndTheGameFlag() throws Exception {
        List<ProcessEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<String> ringError = new AtomicReference<>();
        EventSink sink = new EventSink() {
            @Override
            public void onProcess(int ringId, ProcessEventFlyweight event) {
                events.add(event.toRecord());
            }
        };
        ProbeOptions options = ProbeOptions.defaults().withGameComms(List.of("flgame*")).withGamePathPatterns(PATH_PATTERNS);
        try (ProbeSet probes = ProbeSet.open(ProbeMode.OBSERVE, options)) {
            KernelRings rings = probes.rings();
            Map<EventType, String> sources = probes.sources();
            assertFalse(sources.get(EventType.PROCESS).startsWith("unavailable"), sources.get(EventType.PROCESS));
            ProbeHook execHook = probes.hooks().stream().filter(h -> h.chain() == ProbeCatalog.EXEC).findFirst().orElseThrow();
            ProcessSource execSource = execHook.attached().orElseThrow().kind() == ProgramKind.LSM
                    ? ProcessSource.LSM_BPRM_COMMITTED_CREDS : ProcessSource.TP_SCHED_PROCESS_EXEC;
            try (RingConsumer consumer = RingConsumer.start(rings.rings(), new EventDispatcher(sink),
                    (ring, error) -> ringError.compareAndSet(null, ring.name() + ": " + error), IdleMode.EPOLL, "probe-test")) {
                long shell = runShellExecing();
                awaitCount(events, shell, NAMES.length * 2);
                Thread.sleep(200); // anything more would be a duplicate: give it time to show
                consumer.close();
                List<ProcessEvent> execs = of(events, shell, ProcessAction.EXEC);
                List<ProcessEvent> exits = new ArrayList<>();
                for (ProcessEvent exec : execs) {
                    events.stream().filter(e -> e.action() == ProcessAction.EXIT && e.pid() == exec.pid()).forEach(exits::add);
                }
                assertEquals(NAMES.length, execs.size(), "exec events of the shell's children: " + execs);
                assertEquals(NAMES.length, exits.size(), "exit events of the shell's children: " + exits);
                for (int i = 0; i < NAMES.length; i++) {
                    byte[] comm = Arrays.copyOf(NAMES[i], Math.min(NAMES[i].length, 15));
                    ProcessEvent exec = execs.get(i);
                    assertArrayEquals(comm, exec.comm(), "comm of child " + i);
                    assertArrayEquals(concat((dir + "/").getBytes(StandardCharsets.UTF_8), NAMES[i]), exec.filename(),
                            "filename of child " + i);
                    assertEquals(GAME[i], exec.isGame(), "game flag of " + exec.commText());
                    assertEquals(execSource, exec.source(), "the hook that reported the exec");
                    ProcessEvent exit = exits.get(i);
                    assertEquals(exec.pid(), exit.pid());
                    assertArrayEquals(comm, exit.comm(), "comm at exit of child " + i);
                    assertEquals(GAME[i], exit.isGame(), "game flag at exit of " + exit.commText());
                    assertEquals(0, exit.exitCode(), "exit status of /bin/true");
                }
            }
            assertNull(ringError.get());
        }
    }

    /** A shell that runs each name (a symlink to /bin/true, made beforehand) as a child, one after the other; returns its pid. */
    private long runShellExecing() throws IOException, InterruptedException {
        String d = "d=" + quote(dir.toString().getBytes(StandardCharsets.UTF_8)) + "\n";
        StringBuilder links = new StringBuilder("set -e; " + d);
        StringBuilder runs = new StringBuilder("set -e; " + d);
        for (byte[] name : NAMES) {
            links.append("ln -s /bin/true \"$d\"/").append(quote(name)).append('\n');
            runs.append("\"$d\"/").append(quote(name)).append('\n');
        }
        runs.append(":\n"); // a last builtin: bash must not exec the last program in its own process
        run(links.toString());
        return run(runs.toString());
    }

    private static long run(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "the shell failed: " + output);
        return p.pid();
    }

    /** Bash ANSI-C quoting of arbitrary bytes: $'\xNN…'. */
    private static String quote(byte[] bytes) {
        StringBuilder q = new StringBuilder("$'");
        for (byte b : bytes) {
            q.append(String.format("\\x%02x", b & 0xff));
        }
        return q.append('\'').toString();
    }

    private static List<ProcessEvent> of(List<ProcessEvent> events, long parent, ProcessAction action) {
        return events.stream().filter(e -> e.ppid() == parent && e.action() == action).toList();
    }

    private static void awaitCount(List<ProcessEvent> events, long shell, int wanted) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            long execs = of(events, shell, ProcessAction.EXEC).size();
            long exits = events.stream().filter(e -> e.action() == ProcessAction.EXIT
                    && of(events, shell, ProcessAction.EXEC).stream().anyMatch(x -> x.pid() == e.pid())).count();
            if (execs + exits >= wanted) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
