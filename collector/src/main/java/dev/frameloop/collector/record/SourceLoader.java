package dev.frameloop.collector.record;

import dev.frameloop.collector.ring.RingSizes;

import java.util.List;

/** Loads the BPF side of a mode (tests replace it to check what happens before anything loads). */
@FunctionalInterface
interface SourceLoader {

    /**
     * @param mode      scheduler or observe (never auto)
     * @param sizes     ring sizes
     * @param gameComms  thread names that mark a game
     * @param frameHooks --frame-hook PATH:FUNCTION specs (checked before)
     */
    RecordSource load(RecordMode mode, RingSizes sizes, List<String> gameComms, List<String> frameHooks);
}
