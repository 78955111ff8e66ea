package bbva.detect;

import ai.onnxruntime.OrtException;
import bbva.AnalysisException;
import bbva.onnx.OnnxSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The bundled NanoDet-g session (COCO, 80 classes; converted by models/nanodet/convert_nanodet.py and
 * packed into the jar): {@link #run} is the bare model call, per stride the class scores and the box
 * distributions of every cell.
 */
public final class NanoDetModel implements AutoCloseable {
    public static final String RESOURCE = "bbva/models/nanodet-g.onnx";
    public static final String INPUT = "input";
    public static final int[] STRIDES = {8, 16, 32};
    public static final int CLASSES = 80;
    /** Bins per box side: GFL's reg_max + 1. */
    public static final int BINS = 11;

    /** Raw outputs per stride (index as {@link #STRIDES}): scores [N*80], distributions [N*44]. */
    public record Output(float[][] scores, float[][] boxes) {
    }

    private final OnnxSession session;
    private final int resolution;

    public NanoDetModel(int threads) {
        this(threads, false);
    }

    public NanoDetModel(int threads, boolean spin) {
        try (InputStream in = NanoDetModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new AnalysisException("The built-in detector " + RESOURCE + " is missing from the program's "
                        + "class path; rebuild bbva (mvn package) or use --detector hog.");
            }
            session = OnnxSession.open(in.readAllBytes(), threads, spin);
            long[] shape = OnnxSession.shapeOf(session.inputs(), INPUT);
            resolution = (int) shape[2];
        } catch (IOException | OrtException e) {
            throw new AnalysisException("Cannot load the built-in detector " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public int resolution() {
        return resolution;
    }

    public Output run(float[] chw) {
        try {
            Map<String, OnnxSession.Tensor> out = session.run(INPUT, chw, new long[]{1, 3, resolution, resolution});
            float[][] scores = new float[STRIDES.length][];
            float[][] boxes = new float[STRIDES.length][];
            for (int s = 0; s < STRIDES.length; s++) {
                scores[s] = out.get("cls_" + STRIDES[s]).data();
                boxes[s] = out.get("box_" + STRIDES[s]).data();
            }
            return new Output(scores, boxes);
        } catch (OrtException e) {
            throw new IllegalStateException("NanoDet inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
