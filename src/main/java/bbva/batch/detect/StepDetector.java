package bbva.batch.detect;

import bbva.AnalysisParameters;
import bbva.batch.RunMetrics;
import bbva.batch.StepState;
import bbva.detect.Detector;
import bbva.detect.DetectorFactory;
import bbva.store.VideoEntity;
import java.util.function.Supplier;

/**
 * The detector of one "detect" partition, opened on first use by whichever of its reader (which
 * prepares frames on its read-ahead thread) and processor needs it first; the step's state holds and
 * closes it. Built from plain values, as the read-ahead thread has no batch context.
 */
final class StepDetector {
    private StepDetector() {
    }

    /** @param alone whether this runtime runs one analysis at a time */
    static Supplier<Detector> of(StepState state, AnalysisParameters params, VideoEntity video, boolean alone, long execution) {
        return () -> state.detector(
                () -> DetectorFactory.forFrames(params, video.width, video.height, params.detectionAlone(alone)),
                d -> {
                    RunMetrics.of(execution).addInference(d.inferenceNanos());
                    d.close();
                });
    }
}
