package bbva.ocr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Greedy CTC decoding restricted to digits: at each time step only "blank" and the ten digits
 * compete, repeats collapse, blanks drop. A digit's probability includes the letters a general
 * text model confuses it with (the model was trained on text, where "0" and "O" are both common).
 * A jersey number is 1-2 digits (0-99, or "00"); anything else is no reading. Confidence is the
 * mean probability of the emitted digits.
 */
public final class CtcDigitDecoder {
    private static final String[] LOOKALIKES = {"OoDQ", "Il|i", "Zz", "", "", "Ss", "b", "", "B", "gq"};

    private final int[][] digitClasses = new int[10][];

    /** The keys file lists one symbol per line; output class = line index + 1 (class 0 is the CTC blank). */
    public CtcDigitDecoder(InputStream keys) throws IOException {
        java.util.Map<String, Integer> classOf = new java.util.HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(keys, StandardCharsets.UTF_8))) {
            String line;
            int index = 0;
            while ((line = r.readLine()) != null) {
                classOf.putIfAbsent(line, index + 1);
                index++;
            }
        }
        for (int d = 0; d < 10; d++) {
            Integer digit = classOf.get(Character.toString('0' + d));
            if (digit == null) {
                throw new IOException("OCR keys file has no entry for digit " + d);
            }
            java.util.List<Integer> classes = new java.util.ArrayList<>(java.util.List.of(digit));
            for (char c : LOOKALIKES[d].toCharArray()) {
                Integer k = classOf.get(Character.toString(c));
                if (k != null) {
                    classes.add(k);
                }
            }
            digitClasses[d] = classes.stream().mapToInt(Integer::intValue).toArray();
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
                float p = 0;
                for (int k : digitClasses[d]) {
                    p += probs[row + k];
                }
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
