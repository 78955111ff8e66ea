package bbva.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decoding rules on hand-made CTC outputs over a small alphabet: blank, 0-9, "o", "x". */
class CtcDigitDecoderTest {
    private static final int CLASSES = 13;   // blank + 12 keys
    private static final int O = 11;
    private static final int X = 12;
    static CtcDigitDecoder decoder;

    @BeforeAll
    static void keys() throws IOException {
        decoder = new CtcDigitDecoder(new ByteArrayInputStream("0\n1\n2\n3\n4\n5\n6\n7\n8\n9\no\nx\n".getBytes(StandardCharsets.UTF_8)));
    }

    /** Each step: pairs of (class, probability); the rest of the step's mass goes to the blank. */
    private static JerseyReading decode(float[]... steps) {
        float[] probs = new float[steps.length * CLASSES];
        for (int t = 0; t < steps.length; t++) {
            float rest = 1;
            for (int i = 0; i < steps[t].length; i += 2) {
                probs[t * CLASSES + (int) steps[t][i]] = steps[t][i + 1];
                rest -= steps[t][i + 1];
            }
            probs[t * CLASSES] = rest;
        }
        return decoder.decode(probs, 0, steps.length, CLASSES);
    }

    private static float[] blank() {
        return new float[0];
    }

    private static float[] digit(int d, float p) {
        return new float[] {d + 1, p};
    }

    @Test
    void aDigitThatBeatsTheBlankIsRead() {
        JerseyReading r = decode(blank(), digit(2, 0.9f), digit(2, 0.8f), blank(), digit(3, 0.7f), blank());
        assertEquals("23", r.number());
        assertEquals(1f, r.confidence(), 1e-6);
    }

    @Test
    void aRoundZeroHalfBlankHalfLetterOIsRead() {
        JerseyReading r = decode(blank(), new float[] {O, 0.32f, X, 0.12f}, blank());
        assertEquals("0", r.number());
        assertEquals(0.32f / 0.44f, r.confidence(), 1e-5);
    }

    @Test
    void repeatsCollapseUnlessABlankSeparatesThem() {
        assertEquals("0", decode(digit(0, 0.9f), digit(0, 0.9f)).number());
        assertEquals("00", decode(digit(0, 0.9f), blank(), digit(0, 0.9f)).number());
    }

    @Test
    void faintOrAmbiguousMarksAreNoNumber() {
        assertEquals(JerseyReading.NONE, decode(blank(), digit(8, 0.15f), blank()));        // below presence
        assertEquals(JerseyReading.NONE, decode(new float[] {9, 0.25f, X, 0.5f}));          // "8" but mostly "x"
        assertEquals(JerseyReading.NONE, decode(digit(1, 0.9f), blank(), digit(2, 0.9f), blank(), digit(3, 0.9f)));
        assertEquals(JerseyReading.NONE, decode(digit(0, 0.9f), blank(), digit(7, 0.9f)));  // "07" is no jersey number
    }
}
