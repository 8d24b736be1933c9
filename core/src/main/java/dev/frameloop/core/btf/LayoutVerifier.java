package dev.frameloop.core.btf;

import dev.frameloop.core.btf.BtfType.EnumType;
import dev.frameloop.core.btf.BtfType.Enumerator;
import dev.frameloop.core.btf.BtfType.Member;
import dev.frameloop.core.btf.BtfType.StructType;
import dev.frameloop.core.event.EnumMirror;
import dev.frameloop.core.event.FieldLayout;
import dev.frameloop.core.event.StructLayout;
import dev.frameloop.core.event.WireFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares Java's idea of the wire format ({@link StructLayout}s and {@link EnumMirror}s)
 * with the BTF of a compiled BPF object, so that layouts are verified, not trusted.
 *
 * <p>For a struct, members are compared in offset order and the first difference is named:
 * {@code fl_frame_timing_event.gpu_to_present_ns: Java offset 24 size 8, BTF offset 32 size 8};
 * a member only one side has, and then a struct size that differs, are reported the same way.
 * For an enum, every enumerator's name and value are compared.
 *
 * <p>The collector calls {@link #verifyWireFormat(byte[])} on the object it loads before
 * reading any ring; tests call it on the object the build compiled.
 */
public final class LayoutVerifier {
    private final Btf btf;

    /** A verifier over an already parsed type table. */
    public LayoutVerifier(Btf btf) {
        this.btf = Objects.requireNonNull(btf, "btf");
    }

    /**
     * Checks every struct and enum of {@link WireFormat} against the BTF of {@code bpfObject}.
     *
     * @throws LayoutMismatchException if anything differs
     * @throws BtfFormatException      if the object or its BTF cannot be read
     */
    public static void verifyWireFormat(byte[] bpfObject) {
        new LayoutVerifier(Btf.fromElf(bpfObject)).verify(WireFormat.STRUCTS, WireFormat.ENUMS);
    }

    /**
     * Checks each struct and enum; collects the first difference of each.
     *
     * @throws LayoutMismatchException if anything differs
     */
    public void verify(List<StructLayout> structs, List<EnumMirror> enums) {
        List<String> mismatches = new ArrayList<>();
        for (StructLayout struct : structs) {
            firstMismatch(struct).ifPresent(mismatches::add);
        }
        for (EnumMirror mirror : enums) {
            firstMismatch(mirror).ifPresent(mismatches::add);
        }
        if (!mismatches.isEmpty()) {
            throw new LayoutMismatchException(mismatches);
        }
    }

    /** The first difference between {@code expected} and the BTF struct of the same name, if any. */
    public Optional<String> firstMismatch(StructLayout expected) {
        String name = expected.name();
        Optional<StructType> found = btf.findStruct(name);
        if (found.isEmpty()) {
            return Optional.of("struct " + name + ": not in BTF");
        }
        StructType actual = found.get();
        if (actual.kind() != BtfKind.STRUCT) {
            return Optional.of("struct " + name + ": is a union in BTF");
        }
        Map<String, FieldLayout> btfFields = new LinkedHashMap<>();
        for (Member member : actual.members()) {
            if (member.bitfieldSize() != 0 || member.bitOffset() % Byte.SIZE != 0) {
                return Optional.of(name + "." + member.name() + ": BTF bitfield (bit offset " + member.bitOffset()
                        + ", " + member.bitfieldSize() + " bits), not supported by the Java mirror");
            }
            btfFields.put(member.name(), new FieldLayout(member.name().isEmpty() ? "<anonymous>" : member.name(),
                    (int) (member.bitOffset() / Byte.SIZE), (int) btf.sizeOf(member.type())));
        }
        Map<String, FieldLayout> javaFields = new LinkedHashMap<>();
        for (FieldLayout field : expected.fields()) {
            javaFields.put(field.name(), field);
        }
        List<String> names = new ArrayList<>(javaFields.keySet());
        for (String btfName : btfFields.keySet()) {
            if (!javaFields.containsKey(btfName)) {
                names.add(btfName);
            }
        }
        names.sort(Comparator.comparingInt((String field) -> firstOffset(javaFields.get(field), btfFields.get(field)))
                .thenComparing(field -> javaFields.containsKey(field) ? 0 : 1));
        for (String field : names) {
            FieldLayout java = javaFields.get(field);
            FieldLayout bpf = btfFields.get(field);
            if (bpf == null) {
                return Optional.of(name + "." + field + ": Java offset " + java.offset() + " size " + java.size()
                        + ", not in BTF");
            }
            if (java == null) {
                return Optional.of(name + "." + field + ": BTF offset " + bpf.offset() + " size " + bpf.size()
                        + ", not in the Java layout");
            }
            if (java.offset() != bpf.offset() || java.size() != bpf.size()) {
                return Optional.of(name + "." + field + ": Java offset " + java.offset() + " size " + java.size()
                        + ", BTF offset " + bpf.offset() + " size " + bpf.size());
            }
        }
        if (expected.size() != actual.size()) {
            return Optional.of("struct " + name + ": Java size " + expected.size() + ", BTF size " + actual.size());
        }
        return Optional.empty();
    }

    /** The first difference between {@code expected} and the BTF enum of the same name, if any. */
    public Optional<String> firstMismatch(EnumMirror expected) {
        String name = expected.name();
        Optional<EnumType> found = btf.findEnum(name);
        if (found.isEmpty()) {
            return Optional.of("enum " + name + ": not in BTF");
        }
        Map<String, Long> actual = new LinkedHashMap<>();
        for (Enumerator enumerator : found.get().enumerators()) {
            actual.put(enumerator.name(), enumerator.value());
        }
        for (Map.Entry<String, Long> entry : expected.enumerators().entrySet()) {
            Long value = actual.get(entry.getKey());
            if (value == null) {
                return Optional.of("enum " + name + ": " + entry.getKey() + " = " + entry.getValue()
                        + " in Java, not in BTF");
            }
            if (!value.equals(entry.getValue())) {
                return Optional.of("enum " + name + ": " + entry.getKey() + " = " + entry.getValue() + " in Java, "
                        + value + " in BTF");
            }
        }
        for (Map.Entry<String, Long> entry : actual.entrySet()) {
            if (!expected.enumerators().containsKey(entry.getKey())) {
                return Optional.of("enum " + name + ": " + entry.getKey() + " = " + entry.getValue()
                        + " in BTF, not in Java");
            }
        }
        return Optional.empty();
    }

    private static int firstOffset(FieldLayout java, FieldLayout bpf) {
        if (java == null) {
            return bpf.offset();
        }
        if (bpf == null) {
            return java.offset();
        }
        return Math.min(java.offset(), bpf.offset());
    }
}
