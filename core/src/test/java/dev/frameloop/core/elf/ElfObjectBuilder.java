package dev.frameloop.core.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a minimal ELF64 little-endian relocatable object holding the given sections, for tests. */
public final class ElfObjectBuilder {
    private final Map<String, byte[]> sections = new LinkedHashMap<>();
    private byte elfClass = 2;

    public ElfObjectBuilder section(String name, byte[] contents) {
        sections.put(name, contents);
        return this;
    }

    ElfObjectBuilder elfClass(int value) {
        elfClass = (byte) value;
        return this;
    }

    public byte[] build() {
        List<String> names = new ArrayList<>(sections.keySet());
        names.add(".shstrtab");
        ByteBuffer nameTable = ByteBuffer.allocate(1024);
        nameTable.put((byte) 0);
        Map<String, Integer> nameOffsets = new LinkedHashMap<>();
        for (String name : names) {
            nameOffsets.put(name, nameTable.position());
            nameTable.put(name.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
        }
        byte[] shstrtab = new byte[nameTable.position()];
        nameTable.flip().get(shstrtab);
        Map<String, byte[]> all = new LinkedHashMap<>(sections);
        all.put(".shstrtab", shstrtab);

        int dataStart = 64;
        int dataLength = all.values().stream().mapToInt(b -> b.length).sum();
        int shoff = (dataStart + dataLength + 7) & ~7;
        int shnum = all.size() + 1;
        ByteBuffer elf = ByteBuffer.allocate(shoff + 64 * shnum).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7F, 'E', 'L', 'F', elfClass, 1, 1, 0});
        elf.putShort(16, (short) 1);        // ET_REL
        elf.putShort(18, (short) 247);      // EM_BPF
        elf.putInt(20, 1);
        elf.putLong(0x28, shoff);
        elf.putShort(0x34, (short) 64);
        elf.putShort(0x3A, (short) 64);
        elf.putShort(0x3C, (short) shnum);
        elf.putShort(0x3E, (short) (shnum - 1));
        int offset = dataStart;
        int index = 1;
        for (Map.Entry<String, byte[]> section : all.entrySet()) {
            elf.put(offset, section.getValue());
            int header = shoff + 64 * index++;
            elf.putInt(header, nameOffsets.get(section.getKey()));
            elf.putInt(header + 4, section.getKey().equals(".shstrtab") ? 3 : 1);
            elf.putLong(header + 0x18, offset);
            elf.putLong(header + 0x20, section.getValue().length);
            offset += section.getValue().length;
        }
        return elf.array();
    }
}
