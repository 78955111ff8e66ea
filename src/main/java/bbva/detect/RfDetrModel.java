package bbva.detect;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import bbva.AnalysisException;
import bbva.onnx.OnnxSession;
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

    private final OnnxSession session;
    private final Path file;
    private final int resolution;
    private final int queries;
    private final int numClasses;

    public RfDetrModel(Path file, int threads) {
        this(file, threads, false);
    }

    public RfDetrModel(Path file, int threads, boolean spin) {
        this.file = file;
        if (!Files.isRegularFile(file)) {
            throw new AnalysisException("Model file not found: " + file
                    + ". Export an RF-DETR model to ONNX (see models/README.md) and pass it with --model, or use --detector hog.");
        }
        try {
            session = OnnxSession.open(file.toString(), threads, spin);
        } catch (OrtException e) {
            throw new AnalysisException("Model file " + file + " is not a valid ONNX model (" + firstLine(e.getMessage())
                    + "). Re-export it (see models/README.md) or pass another file with --model.", e);
        }
        try {
            long[] in = OnnxSession.shapeOf(session.inputs(), INPUT);
            long[] boxes = OnnxSession.shapeOf(session.outputs(), BOXES);
            long[] logits = OnnxSession.shapeOf(session.outputs(), LOGITS);
            if (in == null || boxes == null || logits == null || in.length != 4 || in[1] != 3 || in[2] != in[3]
                    || in[2] <= 0 || boxes.length != 3 || boxes[2] != 4 || logits.length != 3 || logits[2] <= 0) {
                throw new AnalysisException("Model " + file + " does not have RF-DETR's inputs/outputs: it has inputs "
                        + describe(session.inputs()) + " and outputs " + describe(session.outputs()) + "; "
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
        try {
            Map<String, OnnxSession.Tensor> out = session.run(INPUT, chw, shape);
            return new Output(out.get(BOXES).data(), out.get(LOGITS).data());
        } catch (OrtException e) {
            throw new IllegalStateException("RF-DETR inference failed on " + file + ": " + e.getMessage(), e);
        }
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
        if (session != null) {   // a half-built model has none
            session.close();
        }
    }
}
