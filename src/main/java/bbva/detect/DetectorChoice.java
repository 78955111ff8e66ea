package bbva.detect;

import bbva.AnalysisException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The detector a user asks for (job parameter {@code detector}). */
public enum DetectorChoice {
    /** RF-DETR when a model is given (or found), else the built-in NanoDet. */
    AUTO,
    RFDETR,
    NANODET,
    HOG,
    /** Boxes replayed from a CSV file. */
    FILE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a neural network runs (and may run on tiles). */
    public boolean model() {
        return this != HOG && this != FILE;
    }

    /** Whether an RF-DETR model may be used: the front ends then fill in the default model. */
    public boolean mayUseRfDetr() {
        return this == AUTO || this == RFDETR;
    }

    public static DetectorChoice of(String text) {
        String id = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AnalysisException(
                "Unknown detector '" + text + "': use one of "
                        + Arrays.stream(values()).map(DetectorChoice::id).collect(Collectors.joining(", ")) + "."));
    }
}
