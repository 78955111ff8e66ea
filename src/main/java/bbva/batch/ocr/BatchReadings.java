package bbva.batch.ocr;

import bbva.detect.Detection;
import bbva.ocr.JerseyReading;
import java.util.Map;

/**
 * Item of steps "ocr" and "ocrFollow" from processor to writer: the readings of analyzed frames
 * {@code first}..{@code last}, by person detection (possibly none), and the engine that read them.
 */
record BatchReadings(int first, int last, Map<Detection, JerseyReading> readings, String engine) {
}
