package dev.frameloop.collector.vm;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GuestEnvironmentTest {

    @Test
    void shouldStartFromASaneBaseAndPassOnlyTheVariablesThatMatter() {
        Map<String, String> host = Map.of("PATH", "/home/me/bin:/usr/bin", "HOME", "/home/me", "LANG", "de_DE.UTF-8",
                "TERM", "xterm-256color", "CI", "true", "JAVA_HOME", "/opt/jdk", "FRAMELOOP_KERNEL", "/k",
                "FRAMELOOP_TRACE", "1", "AWS_SECRET_ACCESS_KEY", "nope", "SSH_AUTH_SOCK", "/tmp/agent");

        Map<String, String> guest = GuestEnvironment.from(Environment.of(host, Map.of()));

        assertEquals(Map.ofEntries(Map.entry("PATH", GuestEnvironment.PATH), Map.entry("HOME", "/root"),
                Map.entry("USER", "root"), Map.entry("LOGNAME", "root"), Map.entry("LANG", "de_DE.UTF-8"),
                Map.entry("TERM", "xterm-256color"), Map.entry("CI", "true"), Map.entry("JAVA_HOME", "/opt/jdk"),
                Map.entry("FRAMELOOP_KERNEL", "/k"), Map.entry("FRAMELOOP_TRACE", "1"),
                Map.entry("FRAMELOOP_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")), guest);
    }

    @Test
    void shouldPutTheGuestsJavaOptionsBeforeTheCallersSoThatTheCallersWin() {
        Map<String, String> guest = GuestEnvironment.from(Environment.of(Map.of("FRAMELOOP_JAVA_OPTS", " -Xmx1g -XX:+UseG1GC "),
                Map.of()));

        assertEquals("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1g -XX:+UseG1GC", guest.get("FRAMELOOP_JAVA_OPTS"));
    }

    @Test
    void shouldDefaultLanguageAndTerminal() {
        Map<String, String> guest = GuestEnvironment.from(Environment.of(Map.of(), Map.of()));

        assertEquals("C.UTF-8", guest.get("LANG"));
        assertEquals("dumb", guest.get("TERM"));
        assertEquals(7, guest.size(), guest.toString());
    }
}
