package dev.frameloop.collector.vm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds minimal 64-bit little-endian ELF files: named sections, optionally a PT_INTERP program header. */
final class TestElf {
    private final Map<String, byte[]> sections = new LinkedHashMap<>();
    private boolean interpreter;

    TestElf section(String name, byte[] content) {
        sections.put(name, content);
        return this;
    }

    /** A kernel module whose .modinfo says {@code depends=<depends>}. */
    static byte[] module(String name, String depends) {
        String modinfo = "license=GPL\0name=" + name + "\0depends=" + depends + "\0vermagic=7.2.13 SMP mod_unload\0";
        return new TestElf().section(".text", new byte[] {(byte) 0xc3})
                .section(".modinfo", modinfo.getBytes(StandardCharsets.UTF_8)).build();
    }

    TestElf withInterpreter() {
        interpreter = true;
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.write(0);
        Map<String, Integer> nameOffsets = new LinkedHashMap<>();
        for (String name : sections.keySet()) {
            nameOffsets.put(name, names.size());
            names.writeBytes((name + "\0").getBytes(StandardCharsets.UTF_8));
        }
        int shstrtabName = names.size();
        names.writeBytes(".shstrtab\0".getBytes(StandardCharsets.UTF_8));

        int phnum = interpreter ? 1 : 0;
        int offset = 64 + 56 * phnum;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Map<String, Integer> dataOffsets = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> s : sections.entrySet()) {
            dataOffsets.put(s.getKey(), offset + data.size());
            data.writeBytes(s.getValue());
        }
        int shstrtabOffset = offset + data.size();
        data.writeBytes(names.toByteArray());
        int shoff = offset + data.size();
        int shnum = sections.size() + 2;

        ByteBuffer b = ByteBuffer.allocate(shoff + 64 * shnum).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(0x10, (short) (interpreter ? 2 : 1));
        b.putShort(0x12, (short) 62);
        b.putInt(0x14, 1);
        b.putLong(0x20, phnum == 0 ? 0 : 64);
        b.putLong(0x28, shoff);
        b.putShort(0x34, (short) 64);
        b.putShort(0x36, (short) 56);
        b.putShort(0x38, (short) phnum);
        b.putShort(0x3A, (short) 64);
        b.putShort(0x3C, (short) shnum);
        b.putShort(0x3E, (short) (shnum - 1));
        if (interpreter) {
            b.putInt(64, 3);
        }
        b.put(offset, data.toByteArray());
        int index = 1;
        for (Map.Entry<String, byte[]> s : sections.entrySet()) {
            int header = shoff + 64 * index++;
            b.putInt(header, nameOffsets.get(s.getKey()));
            b.putInt(header + 4, 1);
            b.putLong(header + 0x18, dataOffsets.get(s.getKey()));
            b.putLong(header + 0x20, s.getValue().length);
        }
        int header = shoff + 64 * index;
        b.putInt(header, shstrtabName);
        b.putInt(header + 4, 3);
        b.putLong(header + 0x18, shstrtabOffset);
        b.putLong(header + 0x20, names.size());
        return b.array();
    }
}
