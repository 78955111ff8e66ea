package bbva.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JerseyViewTest {
    @Test
    void aCloserLookIsStoredOnlyWhenItReadANumberSurely() {
        JerseyReading sure = new JerseyReading("11", 0.81f);
        JerseyReading unsure = new JerseyReading("5", 0.6f);
        assertEquals(JerseyReading.NONE, JerseyView.Look.AS_IS.kept(JerseyReading.NONE), "a view as it is: whatever it read");
        assertEquals(unsure, JerseyView.Look.AS_IS.kept(unsure));
        assertEquals(sure, JerseyView.Look.PRINT.kept(sure));
        assertNull(JerseyView.Look.PRINT.kept(unsure), "an unsure closer look is not stored");
        assertNull(JerseyView.Look.PRINT.kept(JerseyReading.NONE), "nor one that read nothing");
    }
}
