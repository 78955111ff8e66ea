package bbva.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.Param;
import bbva.TestPaths;
import bbva.video.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RF-DETR path end to end on the real ONNX Runtime, with stand-in models of RF-DETR's signature. */
class StandinModelTest {
    private static VideoFrame uniform(int w, int h, int b, int g, int r) {
        byte[] bgr = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            bgr[i * 3] = (byte) b;
            bgr[i * 3 + 1] = (byte) g;
            bgr[i * 3 + 2] = (byte) r;
        }
        return new VideoFrame(0, w, h, bgr);
    }

    private static float normalized(int value, int channel) {
        return (value / 255f - RfDetrPreprocessor.MEAN[channel]) / RfDetrPreprocessor.STD[channel];
    }

    @Test
    void preprocessingFeedsRgbWithImagenetNormalisation() {
        try (RfDetrModel model = new RfDetrModel(TestPaths.standin("rfdetr-standin-coco.onnx"), 1)) {
            assertEquals(64, model.resolution());
            assertEquals(91, model.numClasses());
            // the stand-in adds the per-channel input means to the last query's last three logits (constant -10)
            VideoFrame frame = uniform(320, 200, 50, 100, 200);
            RfDetrModel.Output out = model.run(new RfDetrPreprocessor(model.resolution()).toTensor(frame));
            int base = 11 * 91 + 88;
            assertEquals(-10 + normalized(200, 0), out.logits()[base], 1e-4, "channel 0 must be red");
            assertEquals(-10 + normalized(100, 1), out.logits()[base + 1], 1e-4, "channel 1 must be green");
            assertEquals(-10 + normalized(50, 2), out.logits()[base + 2], 1e-4, "channel 2 must be blue");
        }
    }

    @Test
    void detectorDecodesTheStandinsKnownBoxes() {
        Properties p = new Properties();
        p.setProperty(Param.VIDEO.id, "x.mp4");
        p.setProperty(Param.MODEL.id, TestPaths.standin("rfdetr-standin-coco.onnx").toString());
        VideoFrame grey = uniform(640, 480, 124, 116, 104);   // ImageNet mean colour: normalised input ~ 0
        try (Detector d = DetectorFactory.create(AnalysisParameters.parse(p))) {
            List<Detection> out = Detections.rank(0, d.detect(grey));
            // queries 0 and 1 are persons (logits 2 and 1), query 2 a sports ball (0.5), then one weak box
            // (scored from half the threshold); car and weaker ones dropped
            assertEquals(4, out.size());
            assertEquals(List.of(false, false, false, true), out.stream().map(Detection::weak).toList());
            assertTrue(out.get(3).score() >= 0.25f && out.get(3).score() < 0.5f, "weak: " + out.get(3));
            assertEquals("person", out.get(0).label());
            assertEquals(1 / (1 + Math.exp(-2)), out.get(0).score(), 2e-3);
            assertEquals((0.25f - 0.05f) * 640, out.get(0).x1(), 1e-2);
            assertEquals((0.50f - 0.20f) * 480, out.get(0).y1(), 1e-2);
            assertEquals((0.25f + 0.05f) * 640, out.get(0).x2(), 1e-2);
            assertEquals((0.50f + 0.20f) * 480, out.get(0).y2(), 1e-2);
            assertEquals("person", out.get(1).label());
            assertEquals(0.7311f, out.get(1).score(), 1e-4);
            assertEquals("sports ball", out.get(2).label());
            assertEquals(0.6225f, out.get(2).score(), 1e-4);
            assertTrue(d.inferenceNanos() > 0);
        }
    }

    @Test
    void fineTunedModelUsesItsLabelsFile() {
        Properties p = new Properties();
        p.setProperty(Param.VIDEO.id, "x.mp4");
        p.setProperty(Param.MODEL.id, TestPaths.standin("rfdetr-standin-basketball.onnx").toString());
        try (Detector d = DetectorFactory.create(AnalysisParameters.parse(p))) {
            List<String> labels = Detections.rank(0, d.detect(uniform(100, 100, 124, 116, 104)))
                    .stream().map(Detection::label).toList();
            // default classes keep people, ball and number boxes; the rim is dropped
            assertEquals(List.of("player", "number", "referee", "ball"), labels);
        }
    }

    @Test
    void wrongSignatureIsRejectedWithWhatTheModelHas() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> new RfDetrModel(TestPaths.standin("wrong-signature.onnx"), 1));
        assertTrue(e.getMessage().contains("'images'"), e.getMessage());
        assertTrue(e.getMessage().contains("RF-DETR exports have input 'input'"), e.getMessage());
    }

    @Test
    void missingAndInvalidModelFilesAreNamed(@TempDir Path dir) throws Exception {
        AnalysisException missing = assertThrows(AnalysisException.class, () -> new RfDetrModel(dir.resolve("none.onnx"), 1));
        assertTrue(missing.getMessage().startsWith("Model file not found"), missing.getMessage());
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "this is not a model");
        AnalysisException invalid = assertThrows(AnalysisException.class, () -> new RfDetrModel(junk, 1));
        assertTrue(invalid.getMessage().contains("is not a valid ONNX model"), invalid.getMessage());
    }

    @Test
    void modelWithoutLabelsFileAndNonCocoClassesIsRejected(@TempDir Path dir) throws Exception {
        Path copy = Files.copy(TestPaths.standin("rfdetr-standin-basketball.onnx"), dir.resolve("custom.onnx"));
        Properties p = new Properties();
        p.setProperty(Param.VIDEO.id, "x.mp4");
        p.setProperty(Param.MODEL.id, copy.toString());
        AnalysisException e = assertThrows(AnalysisException.class, () -> DetectorFactory.create(AnalysisParameters.parse(p)));
        assertTrue(e.getMessage().contains("custom.labels"), e.getMessage());
    }
}
