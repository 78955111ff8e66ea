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
        p.setProperty(Param.VIDEO.id, "/v.mp4");
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
        assertFalse(AnalysisParameters.parse(with(Param.MODEL.id, "/m.onnx")).usesBuiltInDetector());
        assertFalse(AnalysisParameters.parse(with(Param.DETECTOR.id, "hog")).usesBuiltInDetector());
        assertTrue(AnalysisParameters.parse(with(Param.DETECTOR.id, "nanodet")).usesBuiltInDetector());
        assertEquals(p, AnalysisParameters.parse(p.toProperties()));
    }

    /** A stream reads ahead unless one-thread streams fill the cores by themselves. */
    @Test
    void streamsThatFillTheCoresReadEachFrameWhenAsked() {
        assertTrue(AnalysisParameters.parse(with(Param.THREADS.id, "2")).readAhead(2), "1 stream x 2 threads");
        assertTrue(AnalysisParameters.parse(with(Param.THREADS.id, "1")).readAhead(2), "1 stream x 1 thread leaves a core");
        assertTrue(AnalysisParameters.parse(with(Param.THREADS.id, "2", Param.DETECT_PARTITIONS.id, "2")).readAhead(2));
        assertFalse(AnalysisParameters.parse(with(Param.THREADS.id, "1", Param.DETECT_PARTITIONS.id, "2")).readAhead(2),
                "2 streams x 1 thread on 2 cores");
        assertFalse(AnalysisParameters.parse(with(Param.THREADS.id, "1")).readAhead(1), "one core");
    }

    /** Artifacts read parameters from the job XML's properties: a parameter missing there never arrives. */
    @Test
    void everyParameterIsPassedToTheJob() throws Exception {
        String xml = java.nio.file.Files.readString(TestPaths.project().resolve("batch-jobs/video-analysis.xml"));
        for (Param<?> param : Param.ALL) {
            assertTrue(xml.contains("<property name=\"" + param.id + "\" value=\"#{jobParameters['" + param.id + "']}\"/>"),
                    "job parameter " + param.id + " is a property of video-analysis.xml");
        }
        Properties all = AnalysisParameters.parse(with(Param.MODEL.id, "/m.onnx",
                Param.DETECTIONS.id, "/d.csv", Param.CLASSES.id, "person")).toProperties();
        for (String key : all.stringPropertyNames()) {
            assertTrue(Param.byId(key).isPresent(), key + " is a parameter");
        }
    }

    /** Every field is printed and parsed back, each with a value other than its default. */
    @Test
    void everyParameterSurvivesTheJobParameters() {
        Properties p = with(Param.BATCH_SIZE.id, "12", Param.STRIDE.id, "2", Param.MAX_FRAMES.id, "99",
                Param.DETECTOR.id, "RFDETR", Param.MODEL.id, "/m.onnx", Param.DETECTIONS.id, "/d.csv",
                Param.THRESHOLD.id, "0.3", Param.CLASSES.id, "player, referee", Param.TILES.id, "3x2",
                Param.COURT.id, "off", Param.THREADS.id, "3", Param.OCR_ENABLED.id, "false", Param.OCR_THREADS.id, "2",
                Param.OCR_CROPS.id, "0", Param.MIN_TRACK_FRAMES.id, "4", Param.MIN_NUMBER_CONFIDENCE.id, "0.5",
                Param.REID_SECONDS.id, "1.5", Param.TEAMS.id, "0", Param.EXECUTION_MODE.id, "Pipeline",
                Param.DETECT_PARTITIONS.id, "2", Param.REPLACE.id, "true");
        AnalysisParameters a = AnalysisParameters.parse(p);
        AnalysisParameters defaults = AnalysisParameters.parse(with(Param.MODEL.id, "/m.onnx"));
        for (var c : AnalysisParameters.class.getRecordComponents()) {
            Object value = invoke(c, a);
            if (!c.getName().equals("video") && !c.getName().equals("model")) {
                assertTrue(!value.equals(invoke(c, defaults)), c.getName() + " differs from its default in this test");
            }
        }
        assertEquals(bbva.detect.DetectorChoice.RFDETR, a.detector());
        assertEquals(java.util.List.of("player", "referee"), java.util.List.copyOf(a.classes()));
        assertEquals(a, AnalysisParameters.parse(a.toProperties()));
    }

    private static Object invoke(java.lang.reflect.RecordComponent c, AnalysisParameters a) {
        try {
            return c.getAccessor().invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The help says the default that parsing applies: both come from one place. */
    @Test
    void theHelpStatesTheDefaults() {
        AnalysisParameters defaults = AnalysisParameters.parse(with());
        assertTrue(Param.BATCH_SIZE.description.endsWith("(default: " + defaults.batchSizeFrames() + ")."));
        assertTrue(Param.OCR_CROPS.description.contains("(default: " + defaults.ocrCrops() + ";"));
        assertTrue(Param.MIN_NUMBER_CONFIDENCE.description.endsWith("(default: " + defaults.minNumberConfidence() + ")."));
        assertTrue(Param.REID_SECONDS.description.contains("(default: " + defaults.reidSeconds() + ";"));
        assertTrue(Param.THRESHOLD.description.contains(defaults.scoreThreshold() + " for the built-in NanoDet"));
        assertTrue(Param.EXECUTION_MODE.description.endsWith("(default: " + defaults.executionMode().id + ")."));
        for (Param<?> param : Param.ALL) {
            if (param.option != null && !param.flag()) {
                assertTrue(param.description.contains("(default: "), param.id + ": " + param.description);
            }
        }
    }

    @Test
    void unsetJobParametersArriveEmptyAndMeanTheDefaults() {
        Properties p = with();
        for (Param<?> param : Param.ALL) {
            if (param != Param.VIDEO) {
                p.setProperty(param.id, "");
            }
        }
        assertEquals(AnalysisParameters.parse(with()), AnalysisParameters.parse(p));
        assertEquals(bbva.detect.DetectorChoice.AUTO, AnalysisParameters.parse(p).detector());
        assertTrue(AnalysisParameters.parse(p).ocrEnabled());
    }

    @Test
    void rejectsBadValuesWithTheirMeaning() {
        assertTrue(error(Param.BATCH_SIZE.id, "0").contains("batchSizeFrames must be at least 1"));
        assertTrue(error(Param.STRIDE.id, "0").contains("frameStride must be at least 1"));
        assertTrue(error(Param.STRIDE.id, "two").contains("whole number"));
        assertTrue(error(Param.THRESHOLD.id, "1.5").contains("between 0 and 1"));
        assertTrue(error(Param.DETECTOR.id, "yolo").contains("auto, rfdetr, nanodet, hog, file"));
        assertTrue(error(Param.DETECTOR.id, "file").contains("--detections"));
        assertTrue(error(Param.OCR_THREADS.id, "0").contains("ocrThreads must be between 1 and 16"));
        assertTrue(error(Param.OCR_THREADS.id, "1000").contains("ocrThreads must be between 1 and 16"));
        assertTrue(error(Param.THREADS.id, "1000").contains("threads must be between 1 and 64"));
        assertTrue(error(Param.OCR_ENABLED.id, "maybe").contains("ocrEnabled must be true or false"));
        assertTrue(error(Param.DETECTOR.id, "rfdetr").contains("--model"));
        assertTrue(error(Param.EXECUTION_MODE.id, "fast").contains("executionMode must be sequential or pipeline or distributed"));
        assertTrue(error(Param.REID_SECONDS.id, "61").contains("reidSeconds must be between 0 and 60"));
        assertTrue(error(Param.TILES.id, "9x9").contains("tiles must be"));
        Properties none = new Properties();
        assertThrows(AnalysisException.class, () -> AnalysisParameters.parse(none));
    }
}
