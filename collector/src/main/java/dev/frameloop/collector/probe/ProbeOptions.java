package dev.frameloop.collector.probe;

import dev.frameloop.collector.ring.RingSizes;
import dev.frameloop.collector.sched.GamerTunables;

import dev.frameloop.core.event.EventType;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * What the probes are told before they load.
 *
 * @param gamePids         processes that count as a game from the start (--game-pid); written into game_pids
 * @param gameComms        comm patterns added to the game patterns of probes/process.bpf.h (--game-comm): equal,
 *                         "prefix*" or "*suffix", at most 15 bytes
 * @param gamePathPatterns path substrings added to the game path patterns (at most 31 bytes each)
 * @param ringSizes        the size of every ring
 * @param gamerTunables    the scheduler's settings (scheduler mode only; null there means none beyond the defaults)
 * @param frameHooks       the present functions the frame probe hooks ({@link FrameHook#DEFAULTS} and --frame-hook)
 * @param recordedTypes    the event types the session keeps; the streams of {@link ProbeCatalog#OFF_WHEN_NOT_RECORDED}
 *                         outside it are turned off (no program loaded for them, nothing written)
 */
public record ProbeOptions(List<Integer> gamePids, List<String> gameComms, List<String> gamePathPatterns,
                           RingSizes ringSizes, GamerTunables gamerTunables, List<FrameHook> frameHooks,
                           Set<EventType> recordedTypes) {
    /** FL_COMM_LEN: a comm pattern is at most 15 bytes and a NUL. */
    public static final int COMM_PATTERN_LEN = 16;
    /** FL_GAME_PATH_PATTERN_LEN: a path pattern is at most 31 bytes and a NUL. */
    public static final int PATH_PATTERN_LEN = 32;

    public ProbeOptions {
        gamePids = List.copyOf(gamePids);
        gameComms = List.copyOf(gameComms);
        gamePathPatterns = List.copyOf(gamePathPatterns);
        frameHooks = List.copyOf(frameHooks);
        recordedTypes = recordedTypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(recordedTypes));
        Objects.requireNonNull(ringSizes, "ringSizes");
        for (int pid : gamePids) {
            if (pid <= 0) {
                throw new IllegalArgumentException("a game pid must be > 0, was " + pid);
            }
        }
        requireFits(gameComms, COMM_PATTERN_LEN, "game comm pattern");
        requireFits(gamePathPatterns, PATH_PATTERN_LEN, "game path pattern");
    }

    /** No game pids or extra patterns, default ring sizes, default scheduler settings, the default frame hooks, every type recorded. */
    public static ProbeOptions defaults() {
        return new ProbeOptions(List.of(), List.of(), List.of(), RingSizes.defaults(), null, FrameHook.DEFAULTS,
                EnumSet.allOf(EventType.class));
    }

    public ProbeOptions withGamePids(List<Integer> pids) {
        return new ProbeOptions(pids, gameComms, gamePathPatterns, ringSizes, gamerTunables, frameHooks, recordedTypes);
    }

    public ProbeOptions withGameComms(List<String> comms) {
        return new ProbeOptions(gamePids, comms, gamePathPatterns, ringSizes, gamerTunables, frameHooks, recordedTypes);
    }

    public ProbeOptions withGamePathPatterns(List<String> patterns) {
        return new ProbeOptions(gamePids, gameComms, patterns, ringSizes, gamerTunables, frameHooks, recordedTypes);
    }

    public ProbeOptions withRingSizes(RingSizes sizes) {
        return new ProbeOptions(gamePids, gameComms, gamePathPatterns, sizes, gamerTunables, frameHooks, recordedTypes);
    }

    public ProbeOptions withGamerTunables(GamerTunables tunables) {
        return new ProbeOptions(gamePids, gameComms, gamePathPatterns, ringSizes, tunables, frameHooks, recordedTypes);
    }

    /** The default hooks plus the application present functions given as {@code --frame-hook PATH:FUNCTION}. */
    public ProbeOptions withFrameHookSpecs(List<String> specs) {
        List<FrameHook> hooks = new java.util.ArrayList<>(FrameHook.DEFAULTS);
        specs.forEach(spec -> hooks.add(FrameHook.parse(spec)));
        return new ProbeOptions(gamePids, gameComms, gamePathPatterns, ringSizes, gamerTunables, hooks, recordedTypes);
    }

    /** Only these event types are recorded (record --events). */
    public ProbeOptions withRecordedTypes(Set<EventType> types) {
        return new ProbeOptions(gamePids, gameComms, gamePathPatterns, ringSizes, gamerTunables, frameHooks, types);
    }

    /** The event types whose stream is off: not recorded, and in {@link ProbeCatalog#OFF_WHEN_NOT_RECORDED}. */
    public Set<EventType> streamsOff() {
        Set<EventType> off = EnumSet.noneOf(EventType.class);
        for (EventType type : ProbeCatalog.OFF_WHEN_NOT_RECORDED) {
            if (!recordedTypes.contains(type)) {
                off.add(type);
            }
        }
        return off;
    }

    private static void requireFits(List<String> patterns, int width, String what) {
        for (String p : patterns) {
            int bytes = p.getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes >= width || p.equals("*")) {
                throw new IllegalArgumentException("a " + what + " must be 1.." + (width - 1) + " bytes (and more than '*'), was '" + p + "'");
            }
        }
    }
}
