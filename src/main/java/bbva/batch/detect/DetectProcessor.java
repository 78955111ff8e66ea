package bbva.batch.detect;

import bbva.AnalysisSlots;
import bbva.batch.faults.FaultPoints;
import bbva.batch.JobParameters;
import bbva.batch.StepState;
import bbva.court.Floor;
import bbva.court.FrameView;
import bbva.colour.Appearance;
import bbva.detect.Detection;
import bbva.detect.Detections;
import bbva.detect.Detector;
import bbva.video.VideoFrame;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.Supplier;

/** Processor of step "detect": one prepared frame in (its reader prepares it and surveys its floor), its ranked detections out. */
@Named("detectProcessor")
@Dependent
public class DetectProcessor implements ItemProcessor {
    @Inject
    JobParameters job;
    @Inject
    StepContext stepContext;
    @Inject
    JobContext jobContext;
    @Inject
    AnalysisSlots slots;
    private Floor floor;
    private Supplier<Detector> detector;

    @Override
    public Object processItem(Object item) {
        PreparedFrame prepared = (PreparedFrame) item;
        VideoFrame frame = prepared.frame();
        FaultPoints.reach("detect.frame." + frame.index());
        // a weak box is often a person half hidden by another: its colours are not one kit's
        List<Detection> seen = detector().detect(prepared.input()).stream()
                .map(d -> d.person() && !d.weak() ? d.withAppearance(Appearance.of(frame, d)) : d).toList();
        FrameView view = floor().view(prepared.survey(), seen);
        // weak boxes matter only on the floor, where they may continue a player's track
        List<Detection> kept = floor().mark(seen, view, frame.height()).stream().filter(d -> !d.weak() || d.inPlay()).toList();
        return new DetectedFrame(Detections.rank(frame.index(), kept), view);
    }

    private Floor floor() {
        if (floor == null) {
            floor = new Floor(job.params().court());
        }
        return floor;
    }

    private Detector detector() {
        if (detector == null) {
            detector = StepDetector.of(StepState.of(stepContext), job.params(), job.video(), slots.oneAtATime(),
                    jobContext.getExecutionId());
        }
        return detector.get();
    }
}
