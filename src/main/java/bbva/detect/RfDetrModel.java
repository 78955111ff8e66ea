package bbva.detect;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import bbva.AnalysisException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** The RF-DETR ONNX session: checks the export's signature on load; {@link #run} is the bare model call. */
public final class RfDetrModel implements AutoCloseable {
    public static final String INPUT = "input";
    public static final String BOXES = "dets";
    public static final String LOGITS = "labels";
    private static final String SIGNATURE = "RF-DETR exports have input 'input' float[1,3,R,R] and outputs "
            + "'dets' float[1,Q,4] and 'labels' float[1,Q,C]";

    /** Raw outputs of one call: dets [Q*4], logits [Q*C]. */
    public record Output(float[] dets, float[] logits) {
    }

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final Path file;
    private final int resolution;
    private final int queries;
    private final int numClasses;

    public RfDetrModel(Path file, int threads) {
        this.file = file;
        if (!Files.isRegularFile(file)) {
            throw new AnalysisException("Model file not found: " + file
                    + ". Export an RF-DETR model to ONNX (see models/README.md) and pass it with --model, or use --detector hog.");
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new AnalysisException("Model file " + file + " is not a valid ONNX model (" + firstLine(e.getMessage())
                    + "). Re-export it (see models/README.md) or pass another file with --model.", e);
        }
        try {
            long[] in = shapeOf(session.getInputInfo(), INPUT);
            long[] boxes = shapeOf(session.getOutputInfo(), BOXES);
            long[] logits = shapeOf(session.getOutputInfo(), LOGITS);
            if (in == null || boxes == null || logits == null || in.length != 4 || in[1] != 3 || in[2] != in[3]
                    || in[2] <= 0 || boxes.length != 3 || boxes[2] != 4 || logits.length != 3 || logits[2] <= 0) {
                throw new AnalysisException("Model " + file + " does not have RF-DETR's inputs/outputs: it has inputs "
                        + describe(session.getInputInfo()) + " and outputs " + describe(session.getOutputInfo()) + "; "
                        + SIGNATURE + ". Export with rfdetr's model.export() (see models/README.md).");
            }
            resolution = (int) in[2];
            queries = (int) boxes[1];
            numClasses = (int) logits[2];
        } catch (OrtException e) {
            close();
            throw new AnalysisException("Cannot inspect model " + file + ": " + e.getMessage(), e);
        } catch (AnalysisException e) {
            close();
            throw e;
        }
    }

    public int resolution() {
        return resolution;
    }

    public int numClasses() {
        return numClasses;
    }

    public Path file() {
        return file;
    }

    public Output run(float[] chw) {
        long[] shape = {1, 3, resolution, resolution};
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(chw), shape);
             OrtSession.Result result = session.run(Map.of(INPUT, input))) {
            float[] dets = flat((OnnxTensor) result.get(BOXES).orElseThrow());
            float[] logits = flat((OnnxTensor) result.get(LOGITS).orElseThrow());
            return new Output(dets, logits);
        } catch (OrtException e) {
            throw new IllegalStateException("RF-DETR inference failed on " + file + ": " + e.getMessage(), e);
        }
    }

    private static float[] flat(OnnxTensor t) {
        FloatBuffer fb = t.getFloatBuffer();
        float[] out = new float[fb.remaining()];
        fb.get(out);
        return out;
    }

    private static long[] shapeOf(Map<String, NodeInfo> nodes, String name) {
        NodeInfo n = nodes.get(name);
        if (n == null || !(n.getInfo() instanceof TensorInfo ti)) {
            return null;
        }
        return ti.getShape();
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        StringBuilder sb = new StringBuilder("[");
        nodes.forEach((name, info) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('\'').append(name).append('\'');
            if (info.getInfo() instanceof TensorInfo ti) {
                sb.append(Arrays.toString(ti.getShape()));
            }
        });
        return sb.append(']').toString();
    }

    private static String firstLine(String s) {
        return s == null ? "unknown error" : s.lines().findFirst().orElse(s);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException | NullPointerException ignored) {
            // closing a half-built session: nothing else to release
        }
    }
}
