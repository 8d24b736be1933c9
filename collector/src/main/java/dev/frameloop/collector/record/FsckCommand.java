package dev.frameloop.collector.record;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.core.dataset.DatasetFsck;
import dev.frameloop.core.dataset.DatasetPaths;
import dev.frameloop.core.dataset.FsckOptions;
import dev.frameloop.core.dataset.FsckReport;
import dev.frameloop.core.dataset.SessionId;
import dev.frameloop.core.dataset.events.EventTables;
import dev.frameloop.core.dataset.storage.DatasetStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code frameloop fsck DIR}: find and repair what a crashed recording left in a dataset. */
@Command(name = "fsck",
        mixinStandardHelpOptions = true,
        description = {
                "Check a dataset folder written by frameloop record and repair what a crash (SIGKILL, power loss,"
                        + " a full disk) left in it. For every session=<id> folder whose recorder is not running:",
                "  * every part file is checked: Parquet footer readable, written by frameloop for its event=<type>"
                        + " folder, every page matching its CRC (--quick: footers only);",
                "  * a file still under its temporary name (.part-NNNNN.parquet.inprogress) that is complete gets"
                        + " its final name; one that is not, and a final part-NNNNN.parquet that is truncated or"
                        + " damaged, are moved to session=<id>/_incomplete/ (never deleted; nothing there ends in"
                        + " .parquet, so DuckDB, Spark, pandas and Polars globs skip it);",
                "  * rows are recounted from the valid files and manifest.json is rewritten with those counts,"
                        + " state 'repaired' and a record of the repair;",
                "  * it says how many events the crash cost: at least what the manifest counted but is not on"
                        + " disk, at most one file's worth (the session's --roll-rows) per incomplete file.",
                "Files not written by frameloop are reported and left alone; a session holding files of a newer"
                        + " frameloop is reported and not changed. DIR is a"
                        + " local path or a Hadoop FileSystem URI (hdfs://, s3a://... when their jars are on the"
                        + " classpath); DIR may also be one session folder, DIR/session=<id>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:clean: nothing to repair",
                "1:repaired (with --dry-run: would repair); the report says what the crashes cost",
                "2:bad options",
                "4:problems left: files fsck must not touch (foreign, or of a newer frameloop), a session whose"
                        + " recorder is running, or an I/O error (DIR missing, not writable)"})
public final class FsckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR",
            description = "Dataset folder (or one session=<id> folder in it); a path or a Hadoop FileSystem URI.")
    String dir;

    @Option(names = {"-n", "--dry-run"},
            description = "Report what would be repaired; move, rename and write nothing.")
    boolean dryRun;

    @Option(names = "--quick",
            description = "Check footers only, not every page's CRC (faster on large datasets; misses pages"
                    + " damaged in the middle of a file).")
    boolean quick;

    @Option(names = "--force",
            description = "On storages without file locks (HDFS, object stores): repair a session even if its"
                    + " manifest was updated in the last 60 s, i.e. it may still be recording. Never overrides"
                    + " a held local lock.")
    boolean force;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public FsckCommand() {
        this(Clock.systemUTC());
    }

    FsckCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Target target = Target.of(dir);
        FsckOptions options = new FsckOptions(dryRun, !quick, FsckOptions.DEFAULT.liveWindow(), force);
        FsckReport report;
        try {
            DatasetStorage storage = DatasetStorage.open(target.datasetLocation);
            DatasetFsck fsck = new DatasetFsck(storage, EventTables.catalog(), options, clock);
            report = target.session.isPresent()
                    ? new FsckReport(List.of(fsck.check(target.session.get())), dryRun)
                    : fsck.run();
        } catch (NoSuchFileException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, e.getFile() + " does not exist;"
                    + " give the folder frameloop record wrote to (its --out)", e);
        } catch (IOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "cannot check " + dir + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(FsckReportText.format(report));
        out.flush();
        if (report.hasUnresolved()) {
            return ExitCodes.IO_ERROR;
        }
        return report.repairedSomething() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** A dataset location, and the one session to check if DIR named a session folder. */
    private record Target(String datasetLocation, Optional<SessionId> session) {
        static Target of(String dir) {
            String trimmed = dir.replaceAll("/+$", "");
            int slash = trimmed.lastIndexOf('/');
            String last = trimmed.substring(slash + 1);
            Optional<SessionId> session = DatasetPaths.sessionOf(last);
            if (session.isPresent()) {
                String parent = slash < 0 ? "." : slash == 0 ? "/" : trimmed.substring(0, slash);
                return new Target(parent, session);
            }
            return new Target(dir, Optional.empty());
        }
    }
}
