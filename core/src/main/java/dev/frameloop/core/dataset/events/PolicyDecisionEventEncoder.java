package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.parquet.RowEncoder;
import dev.frameloop.core.event.PolicyAction;
import dev.frameloop.core.event.PolicyDecisionEventFlyweight;
import dev.frameloop.core.event.PolicyReason;
import dev.frameloop.core.event.ThreadClass;
import org.apache.parquet.io.api.RecordConsumer;

import static dev.frameloop.core.dataset.parquet.Columns.putBinary;
import static dev.frameloop.core.dataset.parquet.Columns.putBoolean;
import static dev.frameloop.core.dataset.parquet.Columns.putInt;
import static dev.frameloop.core.dataset.parquet.Columns.putLong;

/** Writes a {@code policy_decision} row (columns of {@code policy_decision.avsc}, in order) from the wire record. */
final class PolicyDecisionEventEncoder implements RowEncoder<PolicyDecisionEventFlyweight> {
    private final EnumSymbols<ThreadClass> classes = new EnumSymbols<>(ThreadClass.class);
    private final EnumSymbols<PolicyAction> actions = new EnumSymbols<>(PolicyAction.class);
    private final EnumSymbols<PolicyReason> reasons = new EnumSymbols<>(PolicyReason.class);

    @Override
    public void write(PolicyDecisionEventFlyweight event, RecordConsumer out) {
        putLong(out, 0, "timestamp_ns", event.timestampNs());
        putInt(out, 1, "cpu", event.cpu());
        putInt(out, 2, "pid", event.pid());
        putInt(out, 3, "tid", event.tid());
        putLong(out, 4, "expiry_ns", event.expiryNs());
        putLong(out, 5, "slice_ns", event.sliceNs());
        putLong(out, 6, "boost", event.boost());
        putLong(out, 7, "confidence_ppm", event.confidencePpm());
        putBinary(out, 8, "action", actions.of(event.action()));
        putBinary(out, 9, "role", classes.of(event.role()));
        putBinary(out, 10, "heuristic", classes.of(event.heuristic()));
        putBinary(out, 11, "reason", reasons.of(event.reason()));
        putBoolean(out, 12, "dry_run", event.dryRun());
    }
}
