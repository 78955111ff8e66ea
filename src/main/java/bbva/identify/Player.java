package bbva.identify;

/**
 * One tracked person, the jersey number its readings voted for (null: none read) and its team
 * (null: no team's, as a referee, or teams off).
 *
 * @param votes    readings that voted for the number
 * @param readings all readings of the track, with or without a number
 */
public record Player(int trackId, String number, float confidence, int votes, int readings, int framesSeen,
                     int firstFrame, int lastFrame, boolean shortTrack, Integer team) {
    public Player withTeam(Integer t) {
        return new Player(trackId, number, confidence, votes, readings, framesSeen, firstFrame, lastFrame, shortTrack, t);
    }
}
