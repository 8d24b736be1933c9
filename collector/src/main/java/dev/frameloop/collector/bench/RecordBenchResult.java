package dev.frameloop.collector.bench;

/**
 * What {@code frameloop bench record} measured.
 *
 * @param seconds                 how long the producer ran
 * @param targetRate              producer rate asked for, records/s (0: as fast as the pipeline takes them)
 * @param produced                records the producer committed into the ring
 * @param rows                    rows in the session's complete files
 * @param drops                   records the producer could not reserve room for (ring full)
 * @param eventsPerS              rows per second, end to end: first record produced to the last file closed and synced
 * @param referenceEventsPerS     the same rows written by parquet-avro alone (median of its rounds)
 * @param eventsPerCpuS           rows per CPU-second of the reader thread (steadier than wall clock on a
 *                                shared machine; the writer's close and sync after the run are not in it)
 * @param referenceEventsPerCpuS  the reference's rows per CPU-second of its writing thread
 * @param referenceRowsPerRound   rows per reference round (one file each)
 * @param heapMaxBytes            high-water mark of the heap during the run (sum of the heap pools' peaks)
 * @param bytesPerRow             bytes on disk per row of the session's files
 * @param referenceBytesPerRow    bytes per row of the reference's files
 * @param files                   part files the session wrote
 */
record RecordBenchResult(double seconds, long targetRate, long produced, long rows, long drops, double eventsPerS,
                         double referenceEventsPerS, double eventsPerCpuS, double referenceEventsPerCpuS, long referenceRowsPerRound, long heapMaxBytes, double bytesPerRow,
                         double referenceBytesPerRow, int files) {

    /** End-to-end rate over the reference's: at least 1 means the whole path is no slower than parquet-avro alone. */
    double ratio() {
        return referenceEventsPerS == 0 ? 0 : eventsPerS / referenceEventsPerS;
    }
}
