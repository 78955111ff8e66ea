package bbva.batch;

import bbva.detect.Detection;
import bbva.ocr.JerseyReading;
import java.util.Map;

/** Item of step "ocr" from processor to writer: one analyzed frame's readings, by person detection (possibly none). */
record FrameReadings(int frame, Map<Detection, JerseyReading> readings) {
}
