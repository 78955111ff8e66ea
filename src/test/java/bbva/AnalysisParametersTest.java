package bbva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class AnalysisParametersTest {
    private static Properties with(String... kv) {
        Properties p = new Properties();
        p.setProperty(AnalysisParameters.VIDEO, "/v.mp4");
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
        assertTrue(p.fallsBackToHog());
        assertEquals(p, AnalysisParameters.parse(p.toProperties()));
    }

    /** Artifacts read parameters from the job XML's job-level properties: a parameter missing there never arrives. */
    @Test
    void everyParameterIsPassedToTheJob() throws Exception {
        String xml = java.nio.file.Files.readString(TestPaths.project().resolve("batch-jobs/video-analysis.xml"));
        Properties all = AnalysisParameters.parse(with(AnalysisParameters.MODEL, "/m.onnx",
                AnalysisParameters.DETECTIONS, "/d.csv", AnalysisParameters.CLASSES, "person")).toProperties();
        for (String key : all.stringPropertyNames()) {
            assertTrue(xml.contains("<property name=\"" + key + "\" value=\"#{jobParameters['" + key + "']}\"/>"),
                    "job parameter " + key + " is a job-level property of video-analysis.xml");
        }
    }

    @Test
    void unsetJobParametersArriveEmptyAndMeanTheDefaults() {
        Properties p = with();
        for (String key : new String[] {AnalysisParameters.BATCH_SIZE, AnalysisParameters.STRIDE, AnalysisParameters.MAX_FRAMES,
                AnalysisParameters.DETECTOR, AnalysisParameters.MODEL, AnalysisParameters.DETECTIONS, AnalysisParameters.THRESHOLD,
                AnalysisParameters.CLASSES, AnalysisParameters.THREADS, AnalysisParameters.OCR_ENABLED,
                AnalysisParameters.OCR_THREADS, AnalysisParameters.MIN_TRACK_FRAMES}) {
            p.setProperty(key, "");
        }
        assertEquals(AnalysisParameters.parse(with()), AnalysisParameters.parse(p));
        assertEquals("auto", AnalysisParameters.parse(p).detector());
        assertTrue(AnalysisParameters.parse(p).ocrEnabled());
    }

    @Test
    void rejectsBadValuesWithTheirMeaning() {
        assertTrue(error(AnalysisParameters.BATCH_SIZE, "0").contains("batchSizeFrames must be at least 1"));
        assertTrue(error(AnalysisParameters.STRIDE, "0").contains("frameStride must be at least 1"));
        assertTrue(error(AnalysisParameters.STRIDE, "two").contains("whole number"));
        assertTrue(error(AnalysisParameters.THRESHOLD, "1.5").contains("between 0 and 1"));
        assertTrue(error(AnalysisParameters.DETECTOR, "yolo").contains("auto, rfdetr, hog, file"));
        assertTrue(error(AnalysisParameters.DETECTOR, "file").contains("--detections"));
        assertTrue(error(AnalysisParameters.OCR_THREADS, "0").contains("ocrThreads must be between 1 and 16"));
        assertTrue(error(AnalysisParameters.OCR_THREADS, "1000").contains("ocrThreads must be between 1 and 16"));
        assertTrue(error(AnalysisParameters.THREADS, "1000").contains("threads must be between 1 and 64"));
        assertTrue(error(AnalysisParameters.OCR_ENABLED, "maybe").contains("ocrEnabled must be true or false"));
        assertTrue(error(AnalysisParameters.DETECTOR, "rfdetr").contains("--model"));
        Properties none = new Properties();
        assertThrows(AnalysisException.class, () -> AnalysisParameters.parse(none));
    }
}
