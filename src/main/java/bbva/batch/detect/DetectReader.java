package bbva.batch.detect;

import bbva.batch.FrameReader;
import bbva.batch.detect.DetectMapper;
import bbva.store.Phase;
import bbva.video.VideoFrame;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Reader of a step "detect" partition: every analyzed frame of its batches, in order. */
@Named("detectReader")
@Dependent
public class DetectReader extends FrameReader {
    @Inject
    @BatchProperty(name = DetectMapper.FIRST_BATCH)
    String firstBatch;
    @Inject
    @BatchProperty(name = DetectMapper.LAST_BATCH)
    String lastBatch;

    @Override
    protected Range range() {
        return new Range(plan.span(Integer.parseInt(firstBatch)).frameStart(), plan.span(Integer.parseInt(lastBatch)).frameEnd());
    }

    @Override
    protected Phase phase() {
        return Phase.DETECTION;
    }

    @Override
    protected Object item(VideoFrame frame) {
        return frame;
    }
}
