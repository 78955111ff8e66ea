package bbva.cli;

import bbva.TestPaths;
import bbva.video.TestVideos;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link BroadcastFootageIT}'s checks on the same clip scaled to 1920x1080, where its players are
 * 110-250 px tall: where bbva reads a number is a share of the frame, not pixels (a fixed 120 px put
 * every player at 1080p on the torso band, and #30 was shown as "80", a number nobody wears).
 */
class BroadcastFootage1080IT extends BroadcastFootageIT {
    @Override
    Path clip(Path dir) throws Exception {
        return TestVideos.resized(TestPaths.broadcast(), dir.resolve("broadcast-gsw-lal-1080p.mp4"), 1920, 1080);
    }

    @Override
    double scale() {
        return 2.25;
    }

    @Override
    int floorTolerance() {
        return 4;
    }

    @Override
    List<String> mustRead() {
        return List.of("blue 30");
    }
}
