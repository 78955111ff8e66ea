package bbva.batch;

import bbva.detect.Detector;
import bbva.detect.DetectorFactory;
import bbva.detect.Detections;
import bbva.detect.FrameDetections;
import bbva.video.VideoFrame;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Processor of step "detect": one frame in, its ranked detections out. */
@Named("detectProcessor")
@Dependent
public class DetectProcessor implements ItemProcessor {
    @Inject
    JobContext jobContext;
    @Inject
    StepContext stepContext;

    private Detector detector;

    @Override
    public Object processItem(Object item) {
        VideoFrame frame = (VideoFrame) item;
        FaultPoints.reach("detect.frame." + frame.index());
        return new FrameDetections(frame.index(), Detections.rank(frame.index(), detector().detect(frame)));
    }

    private Detector detector() {
        if (detector == null) {
            detector = DetectorFactory.create(JobParameters.of(jobContext));
            // the step listener closes it when the step ends, however it ends
            stepContext.setTransientUserData(detector);
        }
        return detector;
    }
}
