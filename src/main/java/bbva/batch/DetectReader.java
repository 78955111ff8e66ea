package bbva.batch;

import bbva.store.Phase;
import bbva.video.VideoFrame;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** Reader of step "detect": every analyzed frame of the video, in order. */
@Named("detectReader")
@Dependent
public class DetectReader extends FrameReader {
    @Override
    protected Range range() {
        return new Range(0, plan.endFrame() - 1);
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
