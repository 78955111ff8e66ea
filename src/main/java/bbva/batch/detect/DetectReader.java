package bbva.batch.detect;

import bbva.AnalysisSlots;
import bbva.batch.FrameReader;
import bbva.court.Floor;
import bbva.detect.Detector;
import bbva.store.Phase;
import bbva.video.VideoFrame;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.function.Supplier;

/** Reader of a step "detect" partition: every analyzed frame of its batches, in order, prepared for the detector. */
@Named("detectReader")
@Dependent
public class DetectReader extends FrameReader {
    @Inject
    @BatchProperty(name = DetectMapper.FIRST_BATCH)
    String firstBatch;
    @Inject
    @BatchProperty(name = DetectMapper.LAST_BATCH)
    String lastBatch;
    @Inject
    JobContext jobContext;
    @Inject
    AnalysisSlots slots;
    private Supplier<Detector> detector;
    private Floor floor;

    @Override
    protected Range range() {
        return new Range(plan.span(Integer.parseInt(firstBatch)).frameStart(), plan.span(Integer.parseInt(lastBatch)).frameEnd());
    }

    @Override
    protected Phase phase() {
        return Phase.DETECTION;
    }

    @Override
    public void open(Serializable checkpoint) throws IOException {
        super.open(checkpoint);
        detector = StepDetector.of(state(), params, video, slots.oneAtATime(), jobContext.getExecutionId());
        floor = new Floor(params.court());
    }

    /** The frame made ready for the model, and its floor surveyed, while the processor runs the model on the frame before. */
    @Override
    protected Object item(VideoFrame frame) {
        return new PreparedFrame(detector.get().prepare(frame), floor.survey(frame));
    }
}
