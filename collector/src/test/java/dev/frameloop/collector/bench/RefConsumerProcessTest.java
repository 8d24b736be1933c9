package dev.frameloop.collector.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefConsumerProcessTest {

    @Test
    void shouldReadTheFieldsOfAnAnswerLine() {
        assertEquals(Map.of("records", 5L, "ns", 1234L, "cpu_ns", 1000L, "order_errors", 0L),
                RefConsumerProcess.fields("drained records=5 ns=1234 cpu_ns=1000 order_errors=0"));
    }
}
