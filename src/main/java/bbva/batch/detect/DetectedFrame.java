package bbva.batch.detect;

import bbva.court.FrameView;
import bbva.detect.Detection;
import java.util.List;

/** Item of step "detect", from processor to writer: one analyzed frame's ranked detections and what else was seen of it. */
record DetectedFrame(List<Detection> detections, FrameView view) {
    int frame() {
        return view.frame();
    }
}
