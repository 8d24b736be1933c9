package dev.frameloop.collector.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one Debian control stanza ({@code apt-cache show} output): fields and dependency lists. */
final class DebianControl {
    private final Map<String, String> fields;

    private DebianControl(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Parses the first stanza of {@code text}; continuation lines (leading blank) join the field above. */
    static DebianControl parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String current = null;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    break;
                }
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                fields.merge(current, "\n" + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a control field: '" + line + "'");
            }
            current = line.substring(0, colon);
            fields.put(current, line.substring(colon + 1).strip());
        }
        return new DebianControl(fields);
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * The package names a relation field names, every alternative included, without versions or
     * architecture qualifiers: {@code "a (= 1), b | c:any"} → {@code [a, b, c]}.
     */
    List<String> relations(String name) {
        List<String> out = new ArrayList<>();
        for (String group : field(name).orElse("").split(",")) {
            for (String alternative : group.split("\\|")) {
                String packageName = alternative.strip().split("[\\s(:\\[<]", 2)[0];
                if (!packageName.isEmpty()) {
                    out.add(packageName);
                }
            }
        }
        return out;
    }
}
