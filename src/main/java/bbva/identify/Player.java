package bbva.identify;

/**
 * One tracked person and the jersey number its readings voted for (null: none read).
 *
 * @param votes    readings that voted for the number
 * @param readings all readings of the track, with or without a number
 */
public record Player(int trackId, String number, float confidence, int votes, int readings, int framesSeen,
                     int firstFrame, int lastFrame, boolean shortTrack) {
}
