package dev.frameloop.collector.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProgramRunStatsTest {
    private static final String FDINFO = "pos:\t0\nflags:\t02000002\nmnt_id:\t15\nino:\t1057\nprog_type:\t26\nprog_jited:\t1\n"
            + "prog_tag:\t2f1c2ab2e2a1c7a0\nmemlock:\t4096\nprog_id:\t91\nrun_time_ns:\t123456\nrun_cnt:\t789\n"
            + "recursion_misses:\t0\nverified_insns:\t41\n";

    @Test
    void shouldReadRunTimeAndCountFromAProgramsFdinfo() {
        ProgramRunStats stats = ProgramRunStats.parse(FDINFO);

        assertEquals(new ProgramRunStats(123456, 789), stats);
        assertEquals(123456.0 / 789, stats.averageNs(), 1e-9);
    }

    @Test
    void shouldSubtractAnEarlierReadingAndAverageZeroRunsAsZero() {
        ProgramRunStats d = new ProgramRunStats(5000, 20).since(new ProgramRunStats(1000, 10));

        assertEquals(new ProgramRunStats(4000, 10), d);
        assertEquals(400.0, d.averageNs(), 1e-9);
        assertEquals(0.0, new ProgramRunStats(0, 0).averageNs(), 1e-9);
    }

    @Test
    void shouldRefuseAnFdinfoWithoutRunStatistics() {
        assertThrows(IllegalArgumentException.class, () -> ProgramRunStats.parse("pos:\t0\nflags:\t02\n"));
    }
}
