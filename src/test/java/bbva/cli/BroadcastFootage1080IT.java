package bbva.cli;

import java.util.List;

/**
 * {@link BroadcastFootageIT}'s checks on the same clip scaled to 1920x1080, where its players are
 * 110-250 px tall: where bbva reads a number is a share of the frame, not pixels (a fixed 120 px put
 * every player at 1080p on the torso band, and #30 was shown as "80", a number nobody wears). The
 * count on the floor within 4, as at 720p (13 / 9 / 7 of 11).
 */
class BroadcastFootage1080IT extends BroadcastFootageIT {
    @Override
    Copy copy() {
        return new Copy(1080, 4, List.of("blue 30"));
    }
}
