package dev.frameloop.collector.doctor;

import dev.frameloop.collector.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;

/** {@code frameloop doctor}: what this machine can do for frameloop, found by trying. */
@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
                "Report what this machine can do for frameloop, found by trying rather than by version numbers:"
                        + " kernel BTF; sched_ext and its state; whether tp_btf, fentry, LSM, uprobe and"
                        + " sched_ext struct_ops programs load, attach and fire (each tried with a tiny test"
                        + " program, attached for a moment; a running scheduler is never displaced);"
                        + " privileges (euid, CAP_BPF, CAP_PERFMON, CAP_SYS_ADMIN); libbpf version; memlock"
                        + " limit; qemu and a test kernel for the VM. Each missing thing says what it costs"
                        + " and how to get it.",
                "Run it as root to see what frameloop can do; unprivileged, every program check fails with EPERM."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was written (also when things are missing)", "2:bad options"})
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object with stable keys instead of the table.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The charset System.out encodes with (JDK 17: the default charset, unless stdout.encoding/sun.stdout.encoding say otherwise). */
    private static Charset outputCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    @Override
    public Integer call() {
        DoctorReport report = new Doctor().examine();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? DoctorReportJson.format(report) + "\n"
                : DoctorReportText.format(report, DoctorReportText.Marks.forCharset(outputCharset())));
        out.flush();
        return ExitCodes.OK;
    }
}
