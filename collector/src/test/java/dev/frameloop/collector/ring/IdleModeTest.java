package dev.frameloop.collector.ring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdleModeTest {

    @Test
    void shouldParseLabelsAndConstantNames() {
        assertEquals(IdleMode.SPIN_YIELD_EPOLL, IdleMode.parse("spin-yield-epoll"));
        assertEquals(IdleMode.SPIN_YIELD_EPOLL, IdleMode.parse("SPIN_YIELD_EPOLL"));
        assertEquals(IdleMode.EPOLL, IdleMode.parse(" Epoll "));
        assertEquals("unknown idle mode 'nap'; one of: spin, backoff, epoll, spin-yield-epoll",
                assertThrows(IllegalArgumentException.class, () -> IdleMode.parse("nap")).getMessage());
    }
}
