package bbva.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ONNX Runtime session of a model, set up the same way for every model of the analysis (its own
 * intra-op threads, which do not spin when idle, one inter-op thread, full graph optimization), with float tensors in and out:
 * the model classes keep only their signature checks and pre/post-processing.
 */
public final class OnnxSession implements AutoCloseable {
    /** A float tensor copied out of ONNX Runtime's buffers. */
    public record Tensor(float[] data, long[] shape) {
    }

    private static final OrtEnvironment ENV = environment();

    private final OrtSession session;

    private OnnxSession(OrtSession session) {
        this.session = session;
    }

    private static OrtEnvironment environment() {
        OnnxNatives.useCache();
        return OrtEnvironment.getEnvironment();
    }

    public static OnnxSession open(String file, int threads) throws OrtException {
        return open(file, threads, false);
    }

    /** {@code spin}: idle intra-op threads spin, for a session that has the cores to itself. */
    public static OnnxSession open(String file, int threads, boolean spin) throws OrtException {
        try (OrtSession.SessionOptions options = options(threads, spin)) {
            return new OnnxSession(ENV.createSession(file, options));
        }
    }

    public static OnnxSession open(byte[] model, int threads) throws OrtException {
        return open(model, threads, false);
    }

    public static OnnxSession open(byte[] model, int threads, boolean spin) throws OrtException {
        try (OrtSession.SessionOptions options = options(threads, spin)) {
            return new OnnxSession(ENV.createSession(model, options));
        }
    }

    private static OrtSession.SessionOptions options(int threads, boolean spin) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // Beside OCR or another stream, spinning burns the cores they share (pipeline on NanoDet, 2 cores:
        // 74.8 s without spinning, 50.9 s with); alone, it saves the threads' wake-ups (RF-DETR-nano, 2
        // cores: 149 -> 142 ms per frame).
        options.addConfigEntry("session.intra_op.allow_spinning", spin ? "1" : "0");
        return options;
    }

    public Map<String, NodeInfo> inputs() throws OrtException {
        return session.getInputInfo();
    }

    public Map<String, NodeInfo> outputs() throws OrtException {
        return session.getOutputInfo();
    }

    /** The declared shape of a tensor input or output, or null when the model has no such tensor. */
    public static long[] shapeOf(Map<String, NodeInfo> nodes, String name) {
        NodeInfo n = nodes.get(name);
        return n != null && n.getInfo() instanceof TensorInfo ti ? ti.getShape() : null;
    }

    /** Runs the model on one float input; every output, in the model's order. */
    public Map<String, Tensor> run(String input, float[] data, long[] shape) throws OrtException {
        try (OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(input, x))) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                OnnxTensor t = (OnnxTensor) e.getValue();
                FloatBuffer fb = t.getFloatBuffer();
                float[] values = new float[fb.remaining()];
                fb.get(values);
                out.put(e.getKey(), new Tensor(values, t.getInfo().getShape()));
            }
            return out;
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // the session's native memory may not be freed: say so rather than leak in silence
            throw new IllegalStateException("Could not close an ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
