package bbva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class AnalysisParametersTest {
    private static Properties with(String... kv) {
        Properties p = new Properties();
        p.setProperty(AnalysisParameters.Key.VIDEO.id, "/v.mp4");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static String error(String... kv) {
        return assertThrows(AnalysisException.class, () -> AnalysisParameters.parse(with(kv))).getMessage();
    }

    @Test
    void defaultsAndRoundTrip() {
        AnalysisParameters p = AnalysisParameters.parse(with());
        assertEquals(30, p.batchSizeFrames());
        assertEquals(1, p.frameStride());
        assertTrue(p.usesBuiltInDetector());
        assertFalse(AnalysisParameters.parse(with(AnalysisParameters.Key.MODEL.id, "/m.onnx")).usesBuiltInDetector());
        assertFalse(AnalysisParameters.parse(with(AnalysisParameters.Key.DETECTOR.id, "hog")).usesBuiltInDetector());
        assertTrue(AnalysisParameters.parse(with(AnalysisParameters.Key.DETECTOR.id, "nanodet")).usesBuiltInDetector());
        assertEquals(p, AnalysisParameters.parse(p.toProperties()));
    }

    /** Artifacts read parameters from the job XML's job-level properties: a parameter missing there never arrives. */
    @Test
    void everyParameterIsPassedToTheJob() throws Exception {
        String xml = java.nio.file.Files.readString(TestPaths.project().resolve("batch-jobs/video-analysis.xml"));
        Properties all = AnalysisParameters.parse(with(AnalysisParameters.Key.MODEL.id, "/m.onnx",
                AnalysisParameters.Key.DETECTIONS.id, "/d.csv", AnalysisParameters.Key.CLASSES.id, "person")).toProperties();
        for (String key : all.stringPropertyNames()) {
            assertTrue(xml.contains("<property name=\"" + key + "\" value=\"#{jobParameters['" + key + "']}\"/>"),
                    "job parameter " + key + " is a job-level property of video-analysis.xml");
        }
    }

    @Test
    void unsetJobParametersArriveEmptyAndMeanTheDefaults() {
        Properties p = with();
        for (String key : new String[] {AnalysisParameters.Key.BATCH_SIZE.id, AnalysisParameters.Key.STRIDE.id, AnalysisParameters.Key.MAX_FRAMES.id,
                AnalysisParameters.Key.DETECTOR.id, AnalysisParameters.Key.MODEL.id, AnalysisParameters.Key.DETECTIONS.id, AnalysisParameters.Key.THRESHOLD.id,
                AnalysisParameters.Key.CLASSES.id, AnalysisParameters.Key.THREADS.id, AnalysisParameters.Key.OCR_ENABLED.id,
                AnalysisParameters.Key.OCR_THREADS.id, AnalysisParameters.Key.MIN_TRACK_FRAMES.id}) {
            p.setProperty(key, "");
        }
        assertEquals(AnalysisParameters.parse(with()), AnalysisParameters.parse(p));
        assertEquals("auto", AnalysisParameters.parse(p).detector());
        assertTrue(AnalysisParameters.parse(p).ocrEnabled());
    }

    @Test
    void rejectsBadValuesWithTheirMeaning() {
        assertTrue(error(AnalysisParameters.Key.BATCH_SIZE.id, "0").contains("batchSizeFrames must be at least 1"));
        assertTrue(error(AnalysisParameters.Key.STRIDE.id, "0").contains("frameStride must be at least 1"));
        assertTrue(error(AnalysisParameters.Key.STRIDE.id, "two").contains("whole number"));
        assertTrue(error(AnalysisParameters.Key.THRESHOLD.id, "1.5").contains("between 0 and 1"));
        assertTrue(error(AnalysisParameters.Key.DETECTOR.id, "yolo").contains("auto, rfdetr, nanodet, hog, file"));
        assertTrue(error(AnalysisParameters.Key.DETECTOR.id, "file").contains("--detections"));
        assertTrue(error(AnalysisParameters.Key.OCR_THREADS.id, "0").contains("ocrThreads must be between 1 and 16"));
        assertTrue(error(AnalysisParameters.Key.OCR_THREADS.id, "1000").contains("ocrThreads must be between 1 and 16"));
        assertTrue(error(AnalysisParameters.Key.THREADS.id, "1000").contains("threads must be between 1 and 64"));
        assertTrue(error(AnalysisParameters.Key.OCR_ENABLED.id, "maybe").contains("ocrEnabled must be true or false"));
        assertTrue(error(AnalysisParameters.Key.DETECTOR.id, "rfdetr").contains("--model"));
        Properties none = new Properties();
        assertThrows(AnalysisException.class, () -> AnalysisParameters.parse(none));
    }
}
