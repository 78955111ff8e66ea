package bbva.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClockTest {
    @Test
    void roundsOnceSoAMinuteNeverShowsSixtySeconds() {
        assertEquals("5:00.0", Clock.of(299.97, 1));
        assertEquals("4:59.9", Clock.of(299.94, 1));
        assertEquals("1:00.00", Clock.of(59.999, 2));
        assertEquals("0:03.60", Clock.of(3.6, 2));
        assertEquals("12:05", Clock.of(725.2, 0));
        assertEquals("0:00.0", Clock.of(0, 1));
    }
}
