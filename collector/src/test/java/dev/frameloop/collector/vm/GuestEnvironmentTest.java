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

        assertEquals(Map.of("PATH", GuestEnvironment.PATH, "HOME", "/root", "USER", "root", "LOGNAME", "root",
                "LANG", "de_DE.UTF-8", "TERM", "xterm-256color", "CI", "true", "JAVA_HOME", "/opt/jdk",
                "FRAMELOOP_KERNEL", "/k", "FRAMELOOP_TRACE", "1"), guest);
    }

    @Test
    void shouldDefaultLanguageAndTerminal() {
        Map<String, String> guest = GuestEnvironment.from(Environment.of(Map.of(), Map.of()));

        assertEquals("C.UTF-8", guest.get("LANG"));
        assertEquals("dumb", guest.get("TERM"));
        assertEquals(6, guest.size(), guest.toString());
    }
}
