package dev.frameloop.collector.bpf;

import java.nio.ByteBuffer;

/** The value a BPF global variable had when it was read: its location and its bytes. */
public final class GlobalValue {
    private final ObjectBtf.GlobalVariable variable;
    private final ByteBuffer section;

    GlobalValue(ObjectBtf.GlobalVariable variable, byte[] sectionBytes) {
        if (variable.offset() + variable.size() > sectionBytes.length) {
            throw new IllegalArgumentException(variable.name() + " at " + variable.offset() + "+" + variable.size()
                    + " lies outside " + variable.section() + " (" + sectionBytes.length + " bytes)");
        }
        this.variable = variable;
        this.section = ByteBuffer.wrap(sectionBytes);
    }

    public ObjectBtf.GlobalVariable variable() {
        return variable;
    }

    /** The value of an 8-byte integer variable (u64/s64). */
    public long asLong() {
        if (variable.size() != 8) {
            throw new IllegalArgumentException(variable.name() + " is " + variable.size() + " bytes, not 8");
        }
        return section.order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(variable.offset());
    }

    /** A view of the value as the struct layout says (take it from {@link ObjectBtf#struct(int)} of the variable's type). */
    public StructView as(StructLayout layout) {
        if (layout.size() != variable.size()) {
            throw new IllegalArgumentException(variable.name() + " is " + variable.size() + " bytes, struct "
                    + layout.name() + " is " + layout.size());
        }
        return new StructView(layout, section, variable.offset());
    }
}
