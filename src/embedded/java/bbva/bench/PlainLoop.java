package bbva.bench;

import bbva.AnalysisParameters;
import bbva.Param;
import bbva.detect.Detector;
import bbva.detect.DetectorFactory;
import bbva.video.FrameSource;
import bbva.video.VideoFrame;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The loop a user would write instead of bbva, as the yardstick of {@code bench --modes}: decode,
 * pre-process, run the model and decode its output, frame after frame, with no database, no
 * checkpoints and no tracking. Timed like the analysis's step "detect": from opening the model and the
 * video (the step opens them too) to the last frame.
 *
 * <p>Arguments: VIDEO DETECTOR MODEL.onnx|- THREADS FRAMES [TILES [FIRST_FRAME]]; writes its {@link RunStats} to
 * the file named by the system property bbva.stats.
 */
public final class PlainLoop {
    private PlainLoop() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty(Param.VIDEO.id, args[0]);
        p.setProperty(Param.DETECTOR.id, args[1]);
        if (!args[2].equals("-")) {
            p.setProperty(Param.MODEL.id, args[2]);
        }
        p.setProperty(Param.THREADS.id, args[3]);
        int frames = Integer.parseInt(args[4]);
        if (args.length > 5) {
            p.setProperty(Param.TILES.id, args[5]);
        }
        int first = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        AnalysisParameters params = AnalysisParameters.parse(p);
        RunStats stats = new RunStats();
        int done = 0;
        long start = System.nanoTime();
        try (FrameSource source = FrameSource.open(params.video(), first);
             Detector detector = DetectorFactory.forFrames(params, source.width(), source.height(), true)) {
            for (VideoFrame frame; done < frames && (frame = source.next()) != null; done++) {
                detector.detect(frame);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            stats.writeIfRequested(seconds, detector.inferenceNanos() / 1e9, done, Map.of("loop", seconds), 0);
        }
    }
}
