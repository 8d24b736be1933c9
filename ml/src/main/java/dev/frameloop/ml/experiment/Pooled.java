package dev.frameloop.ml.experiment;

import java.util.Arrays;
import java.util.List;

/** The runs of one arm (or one resample of them) put together, sorted once for every metric. */
final class Pooled {
    final double[] frameTimes;
    final double[] sortedFrameTimes;
    final int missed;
    final double[] sortedLatencies;
    final long underruns;

    Pooled(double[] frameTimes, int missed, double[] latencies, long underruns) {
        this.frameTimes = frameTimes;
        this.sortedFrameTimes = frameTimes.clone();
        Arrays.sort(sortedFrameTimes);
        this.missed = missed;
        this.sortedLatencies = latencies.clone();
        Arrays.sort(sortedLatencies);
        this.underruns = underruns;
    }

    static Pooled of(List<RunSample> runs) {
        int frames = runs.stream().mapToInt(RunSample::frames).sum();
        int latencies = runs.stream().mapToInt(r -> r.inputLatenciesMs().length).sum();
        double[] ft = new double[frames];
        double[] lat = new double[latencies];
        int missed = 0;
        int f = 0;
        int l = 0;
        long underruns = 0;
        for (RunSample run : runs) {
            System.arraycopy(run.frameTimesMs(), 0, ft, f, run.frames());
            f += run.frames();
            System.arraycopy(run.inputLatenciesMs(), 0, lat, l, run.inputLatenciesMs().length);
            l += run.inputLatenciesMs().length;
            for (boolean m : run.missed()) {
                missed += m ? 1 : 0;
            }
            underruns += run.underruns();
        }
        return new Pooled(ft, missed, lat, underruns);
    }
}
