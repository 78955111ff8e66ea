package bbva.identify;

import java.util.List;

/**
 * One person of the video as its tracks add up: all tracks of one (team, jersey number), or a single
 * track whose team or number is not known ({@code identified} false). Frames seen add up over the
 * tracks; the confidence is their number confidences weighted by frames seen.
 */
public record Person(Integer team, String number, boolean identified, List<Integer> tracks, int framesSeen,
                     int firstFrame, int lastFrame, float confidence) {
}
