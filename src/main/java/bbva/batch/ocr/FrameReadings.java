package bbva.batch.ocr;

import bbva.detect.Detection;
import bbva.ocr.JerseyReading;
import java.util.Map;

/**
 * Item of steps "ocr" and "ocrFollow" from processor to writer: one analyzed frame's readings, by person
 * detection (possibly none), and the engine that read them.
 */
record FrameReadings(int frame, Map<Detection, JerseyReading> readings, String engine) {
}
