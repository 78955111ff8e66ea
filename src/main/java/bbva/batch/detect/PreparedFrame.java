package bbva.batch.detect;

import bbva.court.Floor;
import bbva.detect.Detector;
import bbva.video.VideoFrame;

/** The detect reader's item: a frame made ready for the model, and what the frame alone shows of the floor. */
public record PreparedFrame(Detector.Prepared input, Floor.Survey survey) {
    public VideoFrame frame() {
        return input.frame();
    }
}
