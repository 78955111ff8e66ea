package bbva.detect;

import java.util.List;

/** The detections of one analyzed frame: the item the detect step hands from processor to writer. */
public record FrameDetections(int frame, List<Detection> detections) {
}
