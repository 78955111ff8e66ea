package bbva.ocr;

/** The jersey reading of one detection, keyed like the detection (frame, index); {@code number} null: none read. */
public record OcrReading(int frame, int index, String number, float confidence, String engine) {
}
