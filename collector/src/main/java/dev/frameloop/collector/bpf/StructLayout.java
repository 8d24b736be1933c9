package dev.frameloop.collector.bpf;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Byte layout of a C struct as its BTF describes it. */
public record StructLayout(String name, int size, List<Member> members) {

    /** One member: byte offset from the start of the struct and size in bytes. */
    public record Member(String name, int offset, int size) {
        public Member {
            if (offset < 0 || size < 0) {
                throw new IllegalArgumentException("member " + name + ": offset and size must be >= 0, were " + offset + ", " + size);
            }
        }
    }

    public StructLayout {
        members = List.copyOf(members);
        for (Member m : members) {
            if (m.offset() + m.size() > size) {
                throw new IllegalArgumentException("struct " + name + "." + m.name() + " ends at "
                        + (m.offset() + m.size()) + ", past the struct's size " + size);
            }
        }
    }

    /** The member called name; fails fast with the members that exist. */
    public Member member(String memberName) {
        Map<String, Member> byName = members.stream().collect(Collectors.toMap(Member::name, Function.identity(), (a, b) -> a));
        Member m = byName.get(memberName);
        if (m == null) {
            throw new IllegalArgumentException("struct " + name + " has no member " + memberName + "; it has " + byName.keySet());
        }
        return m;
    }
}
