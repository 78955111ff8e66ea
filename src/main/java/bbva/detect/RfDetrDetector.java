package bbva.detect;

import bbva.video.VideoFrame;
import java.util.List;

/** RF-DETR on ONNX Runtime: preprocess, model call, decode. */
public final class RfDetrDetector implements Detector {
    private final RfDetrModel model;
    private final RfDetrPreprocessor preprocessor;
    private final RfDetrDecoder decoder;
    private long inferenceNanos;

    public RfDetrDetector(RfDetrModel model, RfDetrDecoder decoder) {
        this.model = model;
        this.preprocessor = new RfDetrPreprocessor(model.resolution());
        this.decoder = decoder;
    }

    @Override
    public List<Detection> detect(VideoFrame frame) {
        float[] input = preprocessor.toTensor(frame);
        long t0 = System.nanoTime();
        RfDetrModel.Output out = model.run(input);
        inferenceNanos += System.nanoTime() - t0;
        return decoder.decode(out.dets(), out.logits(), model.numClasses(), frame.width(), frame.height());
    }

    @Override
    public String describe() {
        return "rfdetr:" + model.file().getFileName();
    }

    @Override
    public long inferenceNanos() {
        return inferenceNanos;
    }

    @Override
    public void close() {
        model.close();
    }
}
