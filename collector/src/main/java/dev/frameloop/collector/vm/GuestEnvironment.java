package dev.frameloop.collector.vm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment the guest command starts with: a fixed, sane base for root, plus the few host
 * variables that change how frameloop and its tests behave (CI, JAVA_HOME, LANG, TERM, FRAMELOOP_*), with the guest's
 * JVM options ({@link GuestJavaOptions}) in front of the caller's {@code FRAMELOOP_JAVA_OPTS}.
 */
public final class GuestEnvironment {
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final List<String> PASSED = List.of("CI", "JAVA_HOME");
    private static final String FRAMELOOP_PREFIX = "FRAMELOOP_";

    private GuestEnvironment() {
    }

    public static Map<String, String> from(Environment host) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", PATH);
        env.put("HOME", "/root");
        env.put("USER", "root");
        env.put("LOGNAME", "root");
        env.put("LANG", host.variable("LANG").orElse("C.UTF-8"));
        env.put("TERM", host.variable("TERM").orElse("dumb"));
        for (String name : PASSED) {
            host.variable(name).ifPresent(v -> env.put(name, v));
        }
        host.variables().forEach((name, value) -> {
            if (name.startsWith(FRAMELOOP_PREFIX) && name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                env.put(name, value);
            }
        });
        env.put(GuestJavaOptions.VARIABLE, GuestJavaOptions.variable(env.get(GuestJavaOptions.VARIABLE)));
        return env;
    }
}
