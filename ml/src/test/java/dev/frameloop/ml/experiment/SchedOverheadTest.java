package dev.frameloop.ml.experiment;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedOverheadTest {
    @Test
    void shouldSumOnlyTheSchedulersStructOpsPrograms() throws IOException {
        String bpftool = "[{\"id\":1,\"type\":\"struct_ops\",\"name\":\"gamer_enqueue\",\"run_time_ns\":5000,\"run_cnt\":10},"
                + "{\"id\":2,\"type\":\"struct_ops\",\"name\":\"gamer_dispatch\",\"run_time_ns\":3000,\"run_cnt\":30},"
                + "{\"id\":3,\"type\":\"tracing\",\"name\":\"gamer_probe\",\"run_time_ns\":999,\"run_cnt\":9},"
                + "{\"id\":4,\"type\":\"struct_ops\",\"name\":\"other_enqueue\",\"run_time_ns\":777,\"run_cnt\":7},"
                + "{\"id\":5,\"type\":\"struct_ops\",\"name\":\"gamer_init\"}]";

        assertArrayEquals(new long[] {8000, 40}, SchedOverhead.bpfTotals(bpftool));
    }

    @Test
    void shouldReadCpuTimeFromProcStatEvenWithSpacesInTheName() {
        String stat = "4242 (java sched) S 1 4242 1 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 100 0 0";

        assertEquals(300 * 10_000_000L, SchedOverhead.cpuNs(stat));
    }

    @Test
    void shouldExpressCostsAsShareOfOneCpu() {
        SchedOverhead o = new SchedOverhead(20_000_000L, 40_000, 100_000_000L, 2_000_000_000L);

        assertEquals(1.0, o.bpfCpuPercent(), 1e-12);
        assertEquals(5.0, o.userCpuPercent(), 1e-12);
        assertEquals(500.0, o.nsPerRun(), 1e-12);
        assertTrue(Double.isNaN(new SchedOverhead(0, 0, 0, 1).nsPerRun()));
        assertThrows(IllegalArgumentException.class, () -> new SchedOverhead(0, 0, 0, 0));
    }
}
