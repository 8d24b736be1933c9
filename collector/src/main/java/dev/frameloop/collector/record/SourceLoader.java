package dev.frameloop.collector.record;

import dev.frameloop.collector.probe.ProbeOptions;

/** Loads the BPF side of a mode (tests replace it to check what happens before anything loads). */
@FunctionalInterface
interface SourceLoader {

    /**
     * @param mode    scheduler or observe (never auto)
     * @param options ring sizes, game patterns and (scheduler mode) the scheduler's settings
     */
    RecordSource load(RecordMode mode, ProbeOptions options);
}
