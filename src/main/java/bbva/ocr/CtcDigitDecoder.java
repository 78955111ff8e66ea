package bbva.ocr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Greedy CTC decoding restricted to digits: at each time step only "blank" and the ten digit
 * classes compete, repeats collapse, blanks drop. A jersey number is 1-2 digits (0-99, or "00");
 * anything else is no reading. Confidence is the mean probability of the emitted digits.
 */
public final class CtcDigitDecoder {
    private final int[] digitClass = new int[10];

    /** The keys file lists one symbol per line; output class = line index + 1 (class 0 is the CTC blank). */
    public CtcDigitDecoder(InputStream keys) throws IOException {
        java.util.Arrays.fill(digitClass, -1);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(keys, StandardCharsets.UTF_8))) {
            String line;
            int index = 0;
            while ((line = r.readLine()) != null) {
                if (line.length() == 1 && Character.isDigit(line.charAt(0)) && line.charAt(0) < 128) {
                    digitClass[line.charAt(0) - '0'] = index + 1;
                }
                index++;
            }
        }
        for (int d = 0; d < 10; d++) {
            if (digitClass[d] < 0) {
                throw new IOException("OCR keys file has no entry for digit " + d);
            }
        }
    }

    /** @param probs [T * classes] softmax output for one crop */
    public JerseyReading decode(float[] probs, int offset, int steps, int classes) {
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int row = offset + t * classes;
            int best = -1;
            float bestP = probs[row];  // blank
            for (int d = 0; d < 10; d++) {
                float p = probs[row + digitClass[d]];
                if (p > bestP) {
                    bestP = p;
                    best = d;
                }
            }
            if (best >= 0 && best != previous) {
                text.append((char) ('0' + best));
                confidence += bestP;
            }
            previous = best;
        }
        String s = text.toString();
        boolean valid = s.length() == 1 || (s.length() == 2 && (s.charAt(0) != '0' || s.equals("00")));
        return valid ? new JerseyReading(s, (float) (confidence / s.length())) : JerseyReading.NONE;
    }
}
