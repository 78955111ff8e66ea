package bbva.batch.track;

import bbva.detect.Detection;
import java.util.List;

/**
 * Item of step "track": one analyzed frame's people on the floor, its other weak boxes (which no
 * track can take: step track deletes them), and whether the picture cut to another shot just before
 * it (the tracker then ends every track).
 */
record TrackFrame(int frame, List<Detection> people, List<Detection> otherWeak, boolean cut) {
}
