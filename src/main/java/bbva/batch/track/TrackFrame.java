package bbva.batch.track;

import bbva.detect.Detection;
import java.util.List;

/**
 * Item of step "track": one analyzed frame's people on the floor, and whether the picture cut to
 * another shot just before it (the tracker then ends every track). From the processor on, the
 * people carry their track ids.
 */
record TrackFrame(int frame, List<Detection> people, boolean cut) {
}
