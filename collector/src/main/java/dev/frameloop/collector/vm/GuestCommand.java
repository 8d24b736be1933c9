package dev.frameloop.collector.vm;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the guest runs: argv, the working directory and the whole environment. Written for the guest as a
 * shell script in which every string is single-quoted ({@link ShellQuoting}), so arguments with spaces,
 * quotes or newlines reach the command unchanged.
 */
public record GuestCommand(List<String> argv, String workingDirectory, Map<String, String> environment) {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Exit status when the working directory cannot be entered, as env(1) and timeout(1) use for their own failures. */
    static final int CANNOT_ENTER_DIRECTORY = 125;

    public GuestCommand {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        if (!workingDirectory.startsWith("/")) {
            throw new IllegalArgumentException("working directory must be absolute: " + workingDirectory);
        }
        environment.keySet().stream().filter(k -> !VARIABLE_NAME.matcher(k).matches()).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("not a valid environment variable name: '" + k + "'");
        });
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /** The script the guest runs with {@code /bin/sh} in an empty environment. */
    public String script() {
        StringBuilder s = new StringBuilder();
        s.append("# written by frameloop vm: runs the guest command with its environment and working directory\n");
        environment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append("export ").append(ShellQuoting.quote(e.getKey() + "=" + e.getValue())).append('\n'));
        s.append("cd ").append(ShellQuoting.quote(workingDirectory)).append(" || { echo ")
                .append(ShellQuoting.quote("frameloop vm: cannot enter the working directory " + workingDirectory + " in the guest"))
                .append(" >&2; exit ").append(CANNOT_ENTER_DIRECTORY).append("; }\n");
        s.append("exec");
        for (String arg : argv) {
            s.append(' ').append(ShellQuoting.quote(arg));
        }
        return s.append('\n').toString();
    }
}
