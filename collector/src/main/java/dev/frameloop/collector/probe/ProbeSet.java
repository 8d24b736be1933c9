package dev.frameloop.collector.probe;

import dev.frameloop.collector.bpf.BpfException;
import dev.frameloop.collector.bpf.BpfObject;
import dev.frameloop.collector.bpf.BpfProgram;
import dev.frameloop.collector.bpf.Rodata;
import dev.frameloop.collector.bpf.StructOpsScheduler;
import dev.frameloop.collector.jna.Errno;
import dev.frameloop.collector.ring.KernelRings;
import dev.frameloop.collector.ring.RingPlan;
import dev.frameloop.collector.sched.Gamer;
import dev.frameloop.core.event.EventType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Owner of a loaded probe object — observe.bpf.o, or gamer.bpf.o with its scheduler ready to register —
 * with every probe attached that this kernel can run.
 *
 * <p>Each probe chain ({@link ProbeCatalog}) attaches its first program the kernel accepts. Programs
 * whose kind or target this kernel lacks are turned off before load ({@link HookTargets}); a program
 * the kernel still refuses at load or attach is passed over and the object is opened again with the
 * chain's next program (a failed load or attach always names a program not tried before, so this ends).
 * What each event type comes from is in {@link #sources()}, for doctor and the session manifest.
 *
 * <pre>
 *   try (ProbeSet probes = ProbeSet.open(ProbeMode.OBSERVE, ProbeOptions.defaults());
 *        RingConsumer consumer = RingConsumer.start(probes.rings().rings(), new EventDispatcher(sink), ...)) {
 *       probes.sources();  // {PROCESS=tp_btf:sched_process_exec, tp_btf:sched_process_exit, INPUT=unavailable: …}
 *   }
 * </pre>
 * In scheduler mode the probes run from load on; the scheduler registers when {@link #scheduler()}'s
 * {@code attach()} is called (after the rings' reader started, as {@code sched} does).
 */
public final class ProbeSet implements AutoCloseable {
    /** The .rodata game patterns of probes/process.bpf.h. */
    static final String GAME_COMM_PATTERNS = "game_comm_patterns";
    static final String GAME_PATH_PATTERNS = "game_path_patterns";
    /** The .rodata bit mask of rings.bpf.h: streams whose producers write nothing (bit: the event type's code). */
    static final String STREAMS_OFF = "fl_streams_off";
    private static final Pattern FAILED_PROGRAM = Pattern.compile("prog '([^']+)'");

    private final ProbeMode mode;
    private final BpfObject object;
    private final StructOpsScheduler scheduler;
    private final KernelRings rings;
    private final List<ProbeHook> hooks;
    /** Chains loaded but not attached, and the candidate index chosen for each (-1: none loaded). */
    private final Map<ProbeChain, Integer> standby;
    private final FrameProbes frames;
    /** Streams turned off (not recorded): no program of theirs loaded, their producers write nothing. */
    private final Set<EventType> off;

    private ProbeSet(ProbeMode mode, BpfObject object, StructOpsScheduler scheduler, KernelRings rings, List<ProbeHook> hooks,
                     Map<ProbeChain, Integer> standby, FrameProbes frames, Set<EventType> off) {
        this.off = Set.copyOf(off);
        this.mode = mode;
        this.object = object;
        this.scheduler = scheduler;
        this.rings = rings;
        this.hooks = new ArrayList<>(hooks);
        this.standby = new LinkedHashMap<>(standby);
        this.frames = frames;
    }

    /**
     * Opens the mode's object, configures it from {@code options}, loads it and attaches every probe the
     * kernel can run (falling back along each chain).
     *
     * @throws BpfException when the object itself cannot load (not because of a probe program), e.g. no privileges
     */
    public static ProbeSet open(ProbeMode mode, ProbeOptions options) {
        Set<EventType> off = options.streamsOff();
        List<ProbeChain> chains = new ArrayList<>(ProbeCatalog.chains(mode));
        List<ProbeChain> standby = new ArrayList<>(ProbeCatalog.standby(mode));
        chains.removeIf(chain -> off.contains(chain.type()));
        standby.removeIf(chain -> off.contains(chain.type()));
        chains.addAll(standby);
        HookTargets targets = new HookTargets();
        Map<String, String> passed = new HashMap<>();           // candidate name -> why it is not used
        Map<ProgramKind, String> refusedKinds = new EnumMap<>(ProgramKind.class);
        while (true) {
            Map<ProbeChain, Integer> chosen = choose(chains, targets, passed, refusedKinds);
            Set<String> enabled = new HashSet<>();
            chosen.forEach((chain, index) -> {
                if (index >= 0) {
                    chain.programsOf(index).forEach(p -> enabled.add(p.name()));
                }
            });
            StructOpsScheduler scheduler = mode == ProbeMode.SCHEDULER ? Gamer.open() : null;
            BpfObject object = scheduler != null ? scheduler.object() : BpfObject.openResource(mode.object());
            boolean keep = false;
            KernelRings rings = null;
            try {
                Set<String> probePrograms = new HashSet<>();
                for (ProbeChain chain : ProbeCatalog.all()) {
                    for (int i = 0; i < chain.candidates().size(); i++) {
                        chain.programsOf(i).forEach(p -> probePrograms.add(object.program(p.name()).name()));
                    }
                }
                for (BpfProgram p : object.programs()) {
                    if (probePrograms.contains(p.name())) {
                        p.setAutoload(enabled.contains(p.name()));
                    }
                }
                configure(object, mode, options);
                RingPlan plan = KernelRings.configure(object, options.ringSizes());
                try {
                    object.load();
                } catch (BpfException e) {
                    ProbeChain chain = chainOfFailed(chains, chosen, failingProgram(e));
                    if (chain == null) {
                        throw e;
                    }
                    ProbeProgram candidate = chain.candidates().get(chosen.get(chain));
                    passed.put(candidate.name(), "load: " + why(e));
                    if (e.errno() == Errno.EPERM || e.errno() == Errno.EOPNOTSUPP || e.errno() == Errno.ENOTSUPP) {
                        refusedKinds.putIfAbsent(candidate.kind(), "this kernel refused a " + candidate.kind().label()
                                + " program (" + why(e) + ")");
                    }
                    continue;
                }
                for (int pid : options.gamePids()) {
                    Gamer.addGamePid(object, pid, System.nanoTime());
                }
                // before any probe runs: a ring set's shards exist only once mapped, and a probe finding none counts a drop
                rings = plan.open();
                List<ProbeHook> hooks = new ArrayList<>();
                Map<ProbeChain, Integer> standbyPicks = new LinkedHashMap<>();
                boolean retry = false;
                for (ProbeChain chain : chains) {
                    int index = chosen.get(chain);
                    if (standby.contains(chain)) {
                        standbyPicks.put(chain, index);
                        continue;
                    }
                    if (index < 0) {
                        hooks.add(new ProbeHook(chain, Optional.empty(), reasons(chain, passed)));
                        continue;
                    }
                    ProbeProgram candidate = chain.candidates().get(index);
                    if (candidate.kind() == ProgramKind.UPROBE) { // attached to each present function by FrameProbes, below
                        hooks.add(new ProbeHook(chain, Optional.of(candidate), reasons(chain, passed).subList(0, index)));
                        continue;
                    }
                    try {
                        for (ProbeProgram p : chain.programsOf(index)) {
                            object.program(p.name()).attach();
                        }
                    } catch (BpfException e) {
                        passed.put(candidate.name(), "attach: " + why(e));
                        retry = true;
                        break;
                    }
                    hooks.add(new ProbeHook(chain, Optional.of(candidate), reasons(chain, passed).subList(0, index)));
                }
                if (retry) {
                    continue; // the finally closes rings and object; the next attempt opens them anew
                }
                FrameProbes frames = null;
                if (chosen.getOrDefault(ProbeCatalog.FRAME, -1) >= 0) {
                    frames = FrameProbes.start(object.program("fl_frame_enter"), object.program("fl_frame_exit"),
                            object.map(Gamer.GAME_PIDS_MAP), options.frameHooks());
                }
                keep = true;
                return new ProbeSet(mode, object, scheduler, rings, hooks, standbyPicks, frames, off);
            } finally {
                if (!keep) {
                    if (rings != null) {
                        rings.close();
                    }
                    if (scheduler != null) {
                        scheduler.close();
                    } else {
                        object.close();
                    }
                }
            }
        }
    }

    /** For each chain, the index of its first candidate not passed over (-1: none left). */
    private static Map<ProbeChain, Integer> choose(List<ProbeChain> chains, HookTargets targets, Map<String, String> passed,
                                                   Map<ProgramKind, String> refusedKinds) {
        Map<ProbeChain, Integer> chosen = new LinkedHashMap<>();
        for (ProbeChain chain : chains) {
            int pick = -1;
            for (int i = 0; i < chain.candidates().size() && pick < 0; i++) {
                ProbeProgram c = chain.candidates().get(i);
                if (passed.containsKey(c.name())) {
                    continue;
                }
                Optional<String> missing = refusedKinds.containsKey(c.kind()) ? Optional.of(refusedKinds.get(c.kind()))
                        : targets.missing(c);
                for (ProbeProgram companion : chain.programsOf(i)) {
                    if (missing.isEmpty() && companion != c) {
                        missing = targets.missing(companion);
                    }
                }
                if (missing.isPresent()) {
                    passed.put(c.name(), missing.get());
                } else {
                    pick = i;
                }
            }
            chosen.put(chain, pick);
        }
        return chosen;
    }

    private static List<String> reasons(ProbeChain chain, Map<String, String> passed) {
        List<String> reasons = new ArrayList<>();
        for (ProbeProgram c : chain.candidates()) {
            reasons.add(c.source() + ": " + passed.getOrDefault(c.name(), "not tried"));
        }
        return reasons;
    }

    /** The chain whose chosen candidate (or companion) is the program that failed to load, or null. */
    private static ProbeChain chainOfFailed(List<ProbeChain> chains, Map<ProbeChain, Integer> chosen, String failed) {
        if (failed == null) {
            return null;
        }
        for (ProbeChain chain : chains) {
            int index = chosen.get(chain);
            if (index >= 0 && chain.programsOf(index).stream().anyMatch(p -> p.name().equals(failed))) {
                return chain;
            }
        }
        return null;
    }

    /** The last program libbpf's log names ("libbpf: prog 'fl_exec_lsm': failed to load: -1"), or null. */
    static String failingProgram(BpfException e) {
        Matcher m = FAILED_PROGRAM.matcher(e.libbpfLog());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    static String why(BpfException e) {
        String line = null;
        for (String l : e.libbpfLog().strip().split("\n")) {
            String s = l.strip().replaceFirst("^libbpf: ", "");
            if (!s.isEmpty() && !s.contains("failed to load object") && !s.startsWith("-- END")) {
                line = s;
            }
        }
        return Errno.describe(e.errno()) + (line == null ? "" : " [libbpf: " + line + "]");
    }

    private static void configure(BpfObject object, ProbeMode mode, ProbeOptions options) {
        if (mode == ProbeMode.SCHEDULER && options.gamerTunables() != null) {
            options.gamerTunables().applyTo(object);
        }
        Rodata rodata = Rodata.of(object);
        int streamsOff = 0;
        for (EventType type : options.streamsOff()) {
            streamsOff |= 1 << type.code();
        }
        rodata.setU32(STREAMS_OFF, streamsOff);
        addPatterns(rodata, GAME_COMM_PATTERNS, ProbeOptions.COMM_PATTERN_LEN, options.gameComms());
        addPatterns(rodata, GAME_PATH_PATTERNS, ProbeOptions.PATH_PATTERN_LEN, options.gamePathPatterns());
    }

    /** Appends patterns after the object's defaults (an empty slot ends a list). */
    private static void addPatterns(Rodata rodata, String variable, int width, List<String> patterns) {
        int slots = rodata.count(variable, width);
        int slot = 0;
        while (slot < slots && !rodata.getString(variable, slot, width).isEmpty()) {
            slot++;
        }
        for (String p : patterns) {
            if (slot == slots) {
                throw new IllegalArgumentException("no room for game pattern '" + p + "': " + variable + " has "
                        + slots + " slots and they are all taken");
            }
            rodata.setString(variable, slot++, width, p);
        }
    }

    public ProbeMode mode() {
        return mode;
    }

    /** The loaded object (observe or gamer). */
    public BpfObject object() {
        return object;
    }

    /** The gamer scheduler in scheduler mode (loaded, not yet registered: call {@code attach()}); empty in observe mode. */
    public Optional<StructOpsScheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /**
     * The object's rings, mapped before the first probe attached (so no event finds a ring set without its
     * shards). Owned by this set: read them (e.g. {@code RingConsumer.start(rings().rings(), …)}), close the
     * consumer before this set, do not close them.
     */
    public KernelRings rings() {
        return rings;
    }

    /** Every probe chain and what became of it, in catalog order (standby chains once attached). */
    public List<ProbeHook> hooks() {
        return List.copyOf(hooks);
    }

    /**
     * Attaches the standby chains ({@link ProbeCatalog#standby}), loaded but left detached until now: in
     * scheduler mode, the migration probe that stands in for the scheduler once the kernel has ejected it.
     * Idempotent. A chain whose program did not load or does not attach is reported unavailable.
     *
     * @return the hooks this call added
     */
    public List<ProbeHook> attachStandby() {
        List<ProbeHook> added = new ArrayList<>();
        for (Map.Entry<ProbeChain, Integer> entry : standby.entrySet()) {
            ProbeChain chain = entry.getKey();
            int index = entry.getValue();
            ProbeHook hook;
            if (index < 0) {
                hook = new ProbeHook(chain, Optional.empty(), List.of("no candidate loaded"));
            } else {
                ProbeProgram candidate = chain.candidates().get(index);
                try {
                    for (ProbeProgram p : chain.programsOf(index)) {
                        object.program(p.name()).attach();
                    }
                    hook = new ProbeHook(chain, Optional.of(candidate), List.of());
                } catch (BpfException e) {
                    hook = new ProbeHook(chain, Optional.empty(), List.of(candidate.source() + ": attach: " + why(e)));
                }
            }
            hooks.add(hook);
            added.add(hook);
        }
        standby.clear();
        return added;
    }

    /** Names of the probe programs attached. */
    public List<String> attachedPrograms() {
        List<String> names = new ArrayList<>();
        for (ProbeHook hook : hooks) {
            hook.attached().ifPresent(p -> {
                int index = hook.chain().candidates().indexOf(p);
                hook.chain().programsOf(index).forEach(q -> names.add(q.name()));
            });
        }
        return names;
    }

    /** Where each event type comes from in this set (see {@link ProbeSources}; frame timing: {@link FrameProbes#source()}). */
    public Map<EventType, String> sources() {
        Map<EventType, String> sources = new EnumMap<>(ProbeSources.of(mode, hooks, off));
        if (frames != null) {
            sources.put(EventType.FRAME_TIMING, frames.source());
        }
        return java.util.Collections.unmodifiableMap(sources);
    }

    /** The frame probe's present-function hooks; empty when its programs did not load. */
    public Optional<FrameProbes> frames() {
        return Optional.ofNullable(frames);
    }

    /** Unmaps the rings, then closes the scheduler (unregistering it if registered) or the object: detaches every probe. */
    @Override
    public void close() {
        if (frames != null) {
            frames.close();
        }
        try {
            rings.close();
        } finally {
            if (scheduler != null) {
                scheduler.close();
            } else {
                object.close();
            }
        }
    }
}
