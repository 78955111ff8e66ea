package bbva.detect;

import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * OpenCV's HOG + linear SVM people detector (weights built into OpenCV): weak, but real, and needs
 * no model file. Reports COCO's person class so exports look alike whichever detector ran.
 */
public final class HogDetector implements Detector {
    public static final int PERSON = 1;

    private final HOGDescriptor hog = new HOGDescriptor();
    private final float threshold;
    private long inferenceNanos;

    public HogDetector(float threshold, int threads) {
        this.threshold = threshold;
        opencv_core.setNumThreads(threads);
        try (Mat svm = new Mat(HOGDescriptor.getDefaultPeopleDetector(), true)) {
            hog.setSVMDetector(svm);
        }
    }

    @Override
    public List<Detection> detect(Prepared prepared) {
        VideoFrame frame = prepared.frame();
        List<Detection> out = new ArrayList<>();
        try (Mat image = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3);
             RectVector found = new RectVector();
             DoublePointer weights = new DoublePointer()) {
            image.data().put(frame.bgr());
            long t0 = System.nanoTime();
            hog.detectMultiScale(image, found, weights, 0, new Size(8, 8), new Size(8, 8), 1.05, 2, false);
            inferenceNanos += System.nanoTime() - t0;
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                // SVM margin -> (0,1) so the same --threshold works for both detectors
                float score = RfDetrDecoder.sigmoid((float) weights.get(i));
                if (score < threshold) {
                    continue;
                }
                float x1 = Math.max(0, r.x());
                float y1 = Math.max(0, r.y());
                float x2 = Math.min(frame.width(), r.x() + r.width());
                float y2 = Math.min(frame.height(), r.y() + r.height());
                out.add(Detection.of(PERSON, "person", score, x1, y1, x2, y2));
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "hog";
    }

    @Override
    public long inferenceNanos() {
        return inferenceNanos;
    }

    @Override
    public void close() {
        hog.close();
    }
}
