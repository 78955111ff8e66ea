package bbva.cli;

import java.util.List;

/**
 * {@link BroadcastFootageIT}'s checks on the same clip scaled to 1280x720, as the same broadcast comes
 * in 720p: nothing may hang on 854x480. The teams, the referees in none, the tracks off the floor and
 * no number nobody can read are checked as at 480p (scaled with OpenCV and encoded in H.264 instead,
 * the right-hand referee's shirt read "9" three times and was shown, until a track outside both
 * teams kept no number). Two things are checked more loosely, being at the detector's and the
 * reader's limits: the count at frame 140 (two overlapping pairs and a referee half hidden) is 7 of
 * 11 here and 9 in that other resampling, and only blue 30 must be read (blue 10 is read in that
 * resampling, not in this one). Until the band bbva reads was a share of the frame's height, not
 * 120 px, players here were read on the wider torso band and no number was read.
 */
class BroadcastFootage720IT extends BroadcastFootageIT {
    @Override
    Copy copy() {
        return new Copy(720, 4, List.of("blue 30"));
    }
}
