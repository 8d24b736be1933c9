package dev.frameloop.collector.vm;

import dev.frameloop.core.elf.ElfFile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a kernel module's {@code .modinfo} section: NUL-separated {@code key=value} strings. */
final class ModuleInfo {
    private ModuleInfo() {
    }

    /** The module names listed in {@code depends=}, as written there (e.g. {@code snd-pcm}). */
    static List<String> depends(byte[] module) {
        ByteBuffer section = ElfFile.section(ByteBuffer.wrap(module), ".modinfo")
                .orElseThrow(() -> new IllegalArgumentException("no .modinfo section: not a kernel module"));
        byte[] modinfo = new byte[section.remaining()];
        section.get(modinfo);
        List<String> out = new ArrayList<>();
        for (String entry : new String(modinfo, StandardCharsets.UTF_8).split("\0")) {
            if (entry.startsWith("depends=")) {
                Arrays.stream(entry.substring("depends=".length()).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
            }
        }
        return out;
    }

    /** The name the kernel uses for a module: dashes and underscores are the same. */
    static String canonicalName(String name) {
        return name.replace('-', '_');
    }
}
