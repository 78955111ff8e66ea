package bbva.batch;

import bbva.detect.Appearance;
import bbva.detect.Detection;
import bbva.detect.Detections;
import bbva.detect.Detector;
import bbva.detect.DetectorFactory;
import bbva.detect.FrameDetections;
import bbva.video.VideoFrame;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Processor of step "detect": one frame in, its ranked detections out. */
@Named("detectProcessor")
@Dependent
public class DetectProcessor implements ItemProcessor {
    @Inject
    JobParameters job;
    @Inject
    StepContext stepContext;

    @Override
    public Object processItem(Object item) {
        VideoFrame frame = (VideoFrame) item;
        FaultPoints.reach("detect.frame." + frame.index());
        List<Detection> ranked = Detections.rank(frame.index(), detector().detect(frame));
        return new FrameDetections(frame.index(), ranked.stream()
                .map(d -> d.person() ? d.withAppearance(Appearance.of(frame, d)) : d).toList());
    }

    private Detector detector() {
        return StepResources.of(stepContext).get(Detector.class, () -> DetectorFactory.create(job.params()),
                d -> {
                    RunMetrics.addInference(d.inferenceNanos());
                    d.close();
                });
    }
}
